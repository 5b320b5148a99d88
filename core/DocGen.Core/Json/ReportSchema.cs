using System.Text.Json.Nodes;
using DocGen.Core.Editions;

namespace DocGen.Core.Json;

/// <summary>
/// Builds the JSON Schema of report JSON from the edition definitions, so the schema can never drift
/// from the model: every table, row key and row length comes from <see cref="EditionCatalog"/>.
/// The committed copy is templates/schema/report.schema.json; a test keeps the two identical.
/// </summary>
public static class ReportSchema
{
    public static string Build()
    {
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "政府信息公开工作年度报告 (DocGen report JSON)",
            ["type"] = "object",
            ["required"] = Array("edition", "agency", "year"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["$schema"] = Type("string"),
                ["edition"] = new JsonObject { ["enum"] = Array(EditionCatalog.All.Select(e => e.Id).ToArray()) },
                ["agency"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "机关全称" },
                ["year"] = new JsonObject { ["type"] = "integer", ["description"] = "报告年度（统计年度）" },
                ["title"] = new JsonObject { ["type"] = Array("string", "null"), ["description"] = "默认为“{机关}{年度}年政府信息公开工作年度报告”" },
                ["publicationDate"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
                ["contact"] = Contact(),
                ["preface"] = Ref("blocks"),
                ["sections"] = new JsonObject { ["type"] = "array", ["items"] = Ref("section") },
                ["tables"] = new JsonObject { ["type"] = "object" },
            },
            ["oneOf"] = new JsonArray(EditionCatalog.All.Select(EditionVariant).ToArray<JsonNode?>()),
            ["definitions"] = Definitions(),
        };
        return schema.ToJsonString(JsonText.Options) + "\n";
    }

    private static JsonObject EditionVariant(Edition edition)
    {
        var tables = new JsonObject();
        foreach (var table in edition.Tables)
        {
            var rows = new JsonObject();
            foreach (var row in table.Rows)
                rows[row.Key] = new JsonObject
                {
                    ["description"] = row.FullLabel,
                    ["type"] = "array",
                    ["minItems"] = row.Columns.Count,
                    ["maxItems"] = row.Columns.Count,
                    ["items"] = new JsonArray(row.Columns.Select(c => (JsonNode?)Ref(c.Kind == ValueKind.Money ? "moneyCell" : "cell")).ToArray()),
                };
            tables[table.Id] = new JsonObject
            {
                ["description"] = table.Name,
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["properties"] = rows,
            };
        }
        return new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["edition"] = new JsonObject { ["enum"] = Array(edition.Id) },
                ["tables"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = tables },
            },
        };
    }

    private static JsonObject Definitions() => new()
    {
        ["blocks"] = new JsonObject { ["type"] = "array", ["items"] = Ref("block") },
        ["block"] = new JsonObject
        {
            ["oneOf"] = new JsonArray(
                new JsonObject { ["type"] = "string", ["description"] = "段落" },
                new JsonObject
                {
                    ["description"] = "要点：加粗的首句和正文",
                    ["type"] = "object",
                    ["required"] = Array("lead"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["lead"] = Type("string"), ["text"] = Type("string") },
                },
                new JsonObject
                {
                    ["description"] = "小节：标题和其下的段落",
                    ["type"] = "object",
                    ["required"] = Array("heading"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["heading"] = Type("string"), ["blocks"] = Ref("blocks") },
                }),
        },
        ["section"] = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["key"] = new JsonObject { ["type"] = "string", ["description"] = "规定章节的键（legacy版无）" },
                ["heading"] = Type("string"),
                ["blocks"] = Ref("blocks"),
            },
        },
        ["cell"] = new JsonObject
        {
            ["description"] = "数字；\"/\"表示不适用；null表示原文空白",
            ["oneOf"] = new JsonArray(Type("number"), Type("null"), new JsonObject { ["enum"] = Array("/") }),
        },
        ["moneyCell"] = new JsonObject
        {
            ["description"] = "金额；单元格自带单位时写作{value, unit}",
            ["oneOf"] = new JsonArray(
                Type("number"), Type("null"), new JsonObject { ["enum"] = Array("/") },
                new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = Array("value", "unit"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["value"] = Type("number"), ["unit"] = new JsonObject { ["enum"] = Array("元", "万元") } },
                }),
        },
    };

    private static JsonObject Contact()
    {
        var props = new JsonObject();
        foreach (var name in ReportJsonReader.ContactFields) props[name] = Type("string");
        return new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = props };
    }

    private static JsonObject Type(string type) => new() { ["type"] = type };
    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/definitions/{name}" };
    private static JsonArray Array(params string[] values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
