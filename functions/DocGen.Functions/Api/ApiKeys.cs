using System.Security.Cryptography;
using System.Text;
using DocGen.Storage;

namespace DocGen.Functions.Api;

/// <summary>Who is calling: an agency (sees only its own reports) or the compiling office (sees all).</summary>
public sealed record Caller(string? Agency)
{
    public bool IsAdmin => Agency is null;

    /// <summary>Agency names are compared in Unicode NFKC, the form storage keeps them in, so look-alikes are one agency.</summary>
    public bool May(string agency) => IsAdmin || string.Equals(Agency, Fold(agency), StringComparison.Ordinal);

    /// <summary>The name as storage keeps it, or the name itself when storage refuses it (it can then match no key).</summary>
    public static string Fold(string agency)
    {
        try { return StorageNames.ValidateAgency(agency); }
        catch (InvalidStorageNameException) { return agency; }
    }
}

/// <summary>
/// API keys from configuration: one per agency ("机构甲=key1;机构乙=key2") and one for the compiling
/// office. Keys are compared in constant time.
/// </summary>
public sealed class ApiKeys
{
    public const string Header = "x-api-key";

    private readonly List<(byte[] Key, Caller Caller)> _keys = [];

    public static ApiKeys From(IConfiguration config)
    {
        var keys = new ApiKeys();
        foreach (var pair in (config[ServiceSettings.AgencyKeys] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.LastIndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1)
                throw new InvalidOperationException($"{ServiceSettings.AgencyKeys}: 每项应写作“机构名称=密钥”，用分号分隔");
            keys.Add(pair[(eq + 1)..].Trim(), new Caller(Caller.Fold(pair[..eq].Trim())));
        }
        if (config[ServiceSettings.AdminKey] is { Length: > 0 } admin) keys.Add(admin, new Caller(null));
        return keys;
    }

    public void Add(string key, Caller caller) => _keys.Add((Encoding.UTF8.GetBytes(key), caller));

    /// <summary>The agencies that have a key of their own.</summary>
    public IReadOnlyList<string> Agencies => _keys.Select(k => k.Caller.Agency).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    public Caller? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return null;
        var bytes = Encoding.UTF8.GetBytes(presented);
        Caller? found = null;
        foreach (var (key, caller) in _keys)
            if (CryptographicOperations.FixedTimeEquals(key, bytes)) found ??= caller;
        return found;
    }
}
