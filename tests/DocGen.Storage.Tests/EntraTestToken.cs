using System.Text;
using System.Text.Json;
using Azure.Core;

namespace DocGen.Storage.Tests;

/// <summary>
/// A <see cref="TokenCredential"/> standing in for a managed identity against Azurite's <c>--oauth basic</c>, which
/// decodes the JWT and checks <c>nbf</c>, <c>exp</c> and <c>iat</c> are present and the time within them, the issuer
/// (<c>https://sts.windows.net/…</c> and the other Entra prefixes) and the audience (<c>https://storage.azure.com</c> or the
/// account's blob host), but not the signature; it signs the user delegation key with the token's <c>oid</c> and <c>tid</c>.
/// </summary>
public sealed class EntraTestToken(string audience = "https://storage.azure.com") : TokenCredential
{
    public const string TenantId = "72f988bf-0000-4000-8000-00000000d0c6";
    public const string ObjectId = "5a1b2c3d-0000-4000-8000-0000000000ab";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var expires = now.AddHours(1);
        var claims = new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = $"https://sts.windows.net/{TenantId}/",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = ObjectId,
            ["tid"] = TenantId,
        };
        string jwt = Segment(new { alg = "RS256", typ = "JWT" }) + "." + Segment(claims) + "." + Base64Url("not checked by Azurite"u8.ToArray());
        return new AccessToken(jwt, expires);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Segment(object value) => Base64Url(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
