using System.Text.Json.Nodes;
using DocGen.Core.Editions;

namespace DocGen.Core.Validation;

/// <summary>The JSON form of findings, the same for the command line, the API and stored validation.json.</summary>
public static class FindingJson
{
    public static JsonObject ToJson(Finding f, string? file = null)
    {
        var o = new JsonObject();
        if (file is not null) o["file"] = file;
        o["code"] = f.Code;
        o["severity"] = f.Severity == Severity.Error ? "error" : "warning";
        o["pointer"] = f.Pointer;
        o["table"] = f.Table;
        o["row"] = f.Row;
        o["column"] = f.Column;
        o["expected"] = f.Expected;
        o["actual"] = f.Actual;
        o["quote"] = f.Quote;
        o["cells"] = f.Cells is null ? null : new JsonArray(f.Cells.Select(c => (JsonNode?)c).ToArray());
        o["message"] = f.Message;
        return o;
    }

    public static JsonArray ToJson(IEnumerable<Finding> findings) => new(findings.Select(f => (JsonNode?)ToJson(f)).ToArray());

    public static string Serialize(JsonNode node) => node.ToJsonString(Json.JsonText.Options);
}
