#!/usr/bin/env bash
# Deploys DocGen to Azure: the infrastructure (main.bicep), the custom handler published self-contained
# for linux-x64 with host.json, the function.json files, the templates and the font files, and then the
# Event Grid feed of the blob trigger. Prints the API endpoint.
#
# Usage: infra/deploy.sh -g RESOURCE_GROUP [-l LOCATION] [-n NAME] [--fonts DIR]
# The API keys come from the environment: DOCGEN_AGENCY_KEYS ("机构甲=key1;机构乙=key2") and DOCGEN_ADMIN_KEY.
set -euo pipefail

usage() {
  sed -n '6,7p' "$0" | sed 's/^# //' >&2
  exit 2
}

group="" location="chinaeast2" name="docgen" fonts=""
while (($#)); do
  case "$1" in
    -g|--resource-group) group=${2:-}; shift 2 ;;
    -l|--location) location=${2:-}; shift 2 ;;
    -n|--name) name=${2:-}; shift 2 ;;
    --fonts) fonts=${2:-}; shift 2 ;;
    -h|--help) usage ;;
    *) echo "deploy.sh: unknown argument '$1'" >&2; usage ;;
  esac
done

if ! command -v az >/dev/null 2>&1; then
  echo "deploy.sh: the Azure CLI (az) is not installed; install it and run 'az login' first." >&2
  exit 1
fi
if ! az account show --output none 2>/dev/null; then
  echo "deploy.sh: not logged in to Azure: run 'az login' (and 'az account set --subscription …') first." >&2
  exit 1
fi
[[ -n $group ]] || { echo "deploy.sh: a resource group is required (-g NAME)." >&2; usage; }
[[ -n ${DOCGEN_AGENCY_KEYS:-} && -n ${DOCGEN_ADMIN_KEY:-} ]] || {
  echo "deploy.sh: set DOCGEN_AGENCY_KEYS and DOCGEN_ADMIN_KEY (the API keys) in the environment." >&2
  exit 1
}
[[ -z $fonts || -d $fonts ]] || { echo "deploy.sh: font folder '$fonts' does not exist." >&2; exit 1; }
command -v zip >/dev/null 2>&1 || { echo "deploy.sh: 'zip' is needed to package the app (apt-get install zip)." >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== infrastructure"
az group create --name "$group" --location "$location" --output none
deploy() {
  az deployment group create --resource-group "$group" --template-file "$here/main.bicep" \
    --parameters name="$name" location="$location" agencyKeys="$DOCGEN_AGENCY_KEYS" adminKey="$DOCGEN_ADMIN_KEY" \
    deployEventSubscription="$1" --query properties.outputs --output json
}
outputs=$(deploy false)
app=$(jq -r .functionAppName.value <<<"$outputs")
endpoint=$(jq -r .endpoint.value <<<"$outputs")

echo "== package"
out="$work/app"
dotnet publish "$repo/functions/DocGen.Functions/DocGen.Functions.csproj" -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=false -o "$out" --nologo
mkdir -p "$out/templates" "$out/fonts"
cp "$repo"/templates/*.docx "$out/templates/"
cp -r "$repo/templates/schema" "$out/templates/"
if [[ -n $fonts ]]; then
  find "$fonts" -maxdepth 1 -type f \( -iname '*.ttf' -o -iname '*.otf' -o -iname '*.ttc' \) -exec cp {} "$out/fonts/" \;
fi
# The Functions host has no CJK fonts: ship the free fallbacks too (Debian fonts-noto-cjk, -extra, fonts-lxgw-wenkai).
for f in /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc \
         /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf; do
  if [[ -f $f ]]; then cp "$f" "$out/fonts/"; else echo "deploy.sh: warning: $f not found; install fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai" >&2; fi
done
chmod +x "$out/DocGen.Functions"
(cd "$out" && zip -q -r "$work/app.zip" .)

echo "== code"
az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$work/app.zip" --output none

echo "== blob trigger feed"
deploy true >/dev/null

echo "DocGen is deployed: $endpoint (try: curl $endpoint/health)"
