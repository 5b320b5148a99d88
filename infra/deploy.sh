#!/usr/bin/env bash
# Deploys DocGen to Azure: the infrastructure (main.bicep), the isolated worker's publish output (with
# functions.metadata, host.json, the templates and the font files) as a zip, and then the Event Grid feed
# of the blob trigger. Prints the API endpoint.
#
# Usage: infra/deploy.sh -g RESOURCE_GROUP [-l LOCATION] [-n NAME] [--plan flex|premium] [--fonts DIR]
# The API keys come from the environment: DOCGEN_AGENCY_KEYS ("机构甲=key1;机构乙=key2") and DOCGEN_ADMIN_KEY.
set -euo pipefail

usage() {
  sed -n '6,7p' "$0" | sed 's/^# //' >&2
  exit 2
}

group="" location="chinaeast2" name="docgen" fonts="" plan="flex"
while (($#)); do
  case "$1" in
    -g|--resource-group) group=${2:-}; shift 2 ;;
    -l|--location) location=${2:-}; shift 2 ;;
    -n|--name) name=${2:-}; shift 2 ;;
    --fonts) fonts=${2:-}; shift 2 ;;
    --plan) plan=${2:-}; shift 2 ;;
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
case "$plan" in
  flex) plan_kind=FlexConsumption ;;
  premium) plan_kind=ElasticPremium ;;
  *) echo "deploy.sh: --plan must be flex or premium, not '$plan'." >&2; exit 2 ;;
esac
for tool in zip jq dotnet; do
  command -v "$tool" >/dev/null 2>&1 || { echo "deploy.sh: '$tool' is needed (apt-get install $tool, or the .NET SDK for dotnet)." >&2; exit 1; }
done

# Flex Consumption is offered in some regions only (in Azure operated in China, too), and the isolated
# worker on .NET 10 in fewer: check before creating anything.
if [[ $plan == flex ]]; then
  if ! az functionapp list-flexconsumption-locations --query "[].name" --output tsv 2>/dev/null | tr -d ' ' | grep -qix "${location// /}"; then
    echo "deploy.sh: region '$location' does not offer the Flex Consumption plan in this cloud ($(az cloud show --query name --output tsv 2>/dev/null))." >&2
    echo "  Pick a region from 'az functionapp list-flexconsumption-locations', or deploy on Elastic Premium: --plan premium" >&2
    exit 1
  fi
  if ! az functionapp list-flexconsumption-runtimes --location "$location" --runtime dotnet-isolated --query "[].version" --output tsv 2>/dev/null | grep -qx "10.0"; then
    echo "deploy.sh: Flex Consumption in '$location' does not offer dotnet-isolated 10.0, which DocGen needs." >&2
    echo "  See 'az functionapp list-flexconsumption-runtimes --location $location --runtime dotnet-isolated', or use --plan premium" >&2
    exit 1
  fi
fi

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== infrastructure"
az group create --name "$group" --location "$location" --output none
deploy() {
  az deployment group create --resource-group "$group" --template-file "$here/main.bicep" \
    --parameters name="$name" location="$location" agencyKeys="$DOCGEN_AGENCY_KEYS" adminKey="$DOCGEN_ADMIN_KEY" \
    planKind="$plan_kind" deployEventSubscription="$1" --query properties.outputs --output json
}
outputs=$(deploy false)
app=$(jq -r .functionAppName.value <<<"$outputs")
endpoint=$(jq -r .endpoint.value <<<"$outputs")
storage=$(jq -r .storageAccountName.value <<<"$outputs")
container=$(jq -r .deploymentContainer.value <<<"$outputs")
package_blob=$(jq -r .packageBlob.value <<<"$outputs")

echo "== package"
out="$work/app"
# The isolated worker, framework-dependent, ReadyToRun for linux-x64 (the Flex Consumption platform) whatever the
# machine deploying: the dotnet-isolated 10.0 runtime brings .NET 10. The output
# holds functions.metadata, worker.config.json, extensions.json and .azurefunctions/, which the host reads.
dotnet publish "$repo/functions/DocGen.Functions/DocGen.Functions.csproj" -c Release -r linux-x64 -o "$out" --nologo
[[ -f $out/functions.metadata ]] || { echo "deploy.sh: the publish output has no functions.metadata; is the Worker SDK restored?" >&2; exit 1; }
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
(cd "$out" && zip -q -r "$work/app.zip" .)

echo "== code"
if [[ $plan == flex ]]; then
  az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$work/app.zip" --output none
else
  # Elastic Premium runs the package from a blob (WEBSITE_RUN_FROM_PACKAGE), read with the app's identity;
  # uploading it needs a data role on the account for the signed-in user (shared keys are off).
  az storage blob upload --auth-mode login --account-name "$storage" --container-name "$container" \
    --name "$package_blob" --file "$work/app.zip" --overwrite --output none
  az functionapp restart --resource-group "$group" --name "$app" --output none
fi

echo "== blob trigger feed"
deploy true >/dev/null

echo "DocGen is deployed: $endpoint (try: curl $endpoint/health)"
