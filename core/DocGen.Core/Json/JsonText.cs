using System.Text.Encodings.Web;
using System.Text.Json;

namespace DocGen.Core.Json;

/// <summary>How DocGen writes JSON for people: indented, Chinese kept as characters rather than \u escapes.</summary>
public static class JsonText
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
