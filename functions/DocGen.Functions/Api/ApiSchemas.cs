using System.Text.Json.Nodes;
using DocGen.Core.Json;

namespace DocGen.Functions.Api;

/// <summary>
/// The component schemas of the OpenAPI document: the report (the JSON Schema built from the editions) and
/// the shapes of the answers, as <see cref="ReportsApi"/>, <see cref="SignedApi"/> and <see cref="MetaApi"/> write them.
/// </summary>
public static class ApiSchemas
{
    public const string Report = nameof(Report);
    public const string ReportDescription = nameof(ReportDescription);
    public const string ReportList = nameof(ReportList);
    public const string ValidationResult = nameof(ValidationResult);
    public const string ImportResult = nameof(ImportResult);
    public const string Finding = nameof(Finding);
    public const string SignedVersion = nameof(SignedVersion);
    public const string SignedVersionList = nameof(SignedVersionList);
    public const string Health = nameof(Health);
    public const string Problem = nameof(Problem);
    public const string MissingAgencies = nameof(MissingAgencies);
    public const string CompilationRequest = nameof(CompilationRequest);
    public const string CompilationResult = nameof(CompilationResult);

    public static string Ref(string name) => $"#/components/schemas/{name}";

    /// <summary>Every component schema, the report's definitions as <c>Report.{name}</c>.</summary>
    public static JsonObject Build()
    {
        var schemas = (JsonObject)JsonNode.Parse(Answers)!;
        var report = (JsonObject)JsonNode.Parse(ReportSchema.Build().Replace("\"#/definitions/", $"\"{Ref(Report)}.", StringComparison.Ordinal))!;
        report.Remove("$schema");
        TuplesToPrefixItems(report);
        if (report["definitions"] is JsonObject definitions)
        {
            report.Remove("definitions");
            foreach (var (name, schema) in definitions.ToList())
            {
                definitions.Remove(name);
                schemas[$"{Report}.{name}"] = schema;
            }
        }
        EditionsForGenerators(report);
        schemas[Report] = report;
        BlockForGenerators(schemas);
        TypeStringEnums(schemas);
        return schemas;
    }

    /// <summary>
    /// A block is a string (a paragraph) or an object (a point or a subsection). Generators turn a <c>oneOf</c> into
    /// its first branch (NSwag: blocks as strings, so a report with a point cannot be read), so the block is written
    /// inline as "a string, or else one of the objects", which they read as any value and validators still check.
    /// </summary>
    private static void BlockForGenerators(JsonObject schemas)
    {
        string name = $"{Report}.block";
        if (schemas[name] is not JsonObject block || block["oneOf"] is not JsonArray branches) return;
        var objects = branches.Where(b => b?["type"]?.GetValue<string>() != "string").Select(b => b!.DeepClone()).ToArray();
        var inline = new JsonObject
        {
            ["description"] = "段落（字符串），或要点、小节（对象）",
            ["if"] = new JsonObject { ["type"] = "string" },
            ["else"] = new JsonObject { ["oneOf"] = new JsonArray(objects) },
        };
        schemas.Remove(name);
        ReplaceRef(schemas, Ref(name), inline);
    }

    /// <summary>
    /// The tables a report has depend on its edition: one <c>oneOf</c> branch per edition. NSwag cannot name a type
    /// for an object with <c>oneOf</c> (a reference to the report becomes a class it never writes), so the same rule is
    /// written as "if edition 2021 then …, else if 2019 then …, else …": the branches are told apart by the edition alone.
    /// </summary>
    private static void EditionsForGenerators(JsonObject report)
    {
        if (report["oneOf"] is not JsonArray branches || branches.Count == 0) return;
        report.Remove("oneOf");
        JsonObject chain = (JsonObject)branches[^1]!.DeepClone();
        for (int i = branches.Count - 2; i >= 0; i--)
        {
            var edition = branches[i]!["properties"]!["edition"]!["enum"]!.DeepClone();
            chain = new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { ["edition"] = new JsonObject { ["enum"] = edition } } },
                ["then"] = branches[i]!.DeepClone(),
                ["else"] = chain,
            };
        }
        foreach (var (key, value) in chain.ToList())
        {
            chain.Remove(key);
            report[key] = value;
        }
    }

    private static void ReplaceRef(JsonNode? node, string target, JsonObject with)
    {
        if (node is JsonObject o)
            foreach (var (key, child) in o.ToList())
                if (child is JsonObject c && c.Count == 1 && c["$ref"]?.GetValue<string>() == target) o[key] = with.DeepClone();
                else ReplaceRef(child, target, with);
        else if (node is JsonArray a)
            for (int i = 0; i < a.Count; i++)
                if (a[i] is JsonObject c && c.Count == 1 && c["$ref"]?.GetValue<string>() == target) a[i] = with.DeepClone();
                else ReplaceRef(a[i], target, with);
    }

    /// <summary>An enum of strings says <c>type: string</c>, without which generators make it an enum of integers.</summary>
    private static void TypeStringEnums(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["enum"] is JsonArray values && o["type"] is null && values.All(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.String))
                    o["type"] = "string";
                foreach (var (_, child) in o.ToList()) TypeStringEnums(child);
                break;
            case JsonArray a:
                foreach (var child in a.ToList()) TypeStringEnums(child);
                break;
        }
    }

    /// <summary>The report schema is draft-07, where a row is <c>items: [cell, cell, …]</c>; OpenAPI 3.1 speaks JSON Schema 2020-12, which calls that <c>prefixItems</c>.</summary>
    private static void TuplesToPrefixItems(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["items"] is JsonArray tuple)
                {
                    o.Remove("items");
                    o["prefixItems"] = tuple;
                }
                foreach (var (_, child) in o.ToList()) TuplesToPrefixItems(child);
                break;
            case JsonArray a:
                foreach (var child in a.ToList()) TuplesToPrefixItems(child);
                break;
        }
    }

    private const string Answers = """
        {
          "Finding": {
            "type": "object",
            "description": "校验发现的问题：英文code、JSON指针和中文说明",
            "required": ["code", "severity", "pointer", "message"],
            "properties": {
              "code": { "type": "string" },
              "severity": { "type": "string", "enum": ["error", "warning"] },
              "pointer": { "type": "string", "description": "RFC 6901 JSON pointer into the report JSON" },
              "table": { "type": ["string", "null"] },
              "row": { "type": ["string", "null"] },
              "column": { "type": ["string", "null"] },
              "expected": { "type": ["string", "null"] },
              "actual": { "type": ["string", "null"] },
              "message": { "type": "string" }
            }
          },
          "ReportDescription": {
            "type": "object",
            "required": ["id", "agency", "year", "files", "links"],
            "properties": {
              "id": { "type": "string" },
              "agency": { "type": "string" },
              "year": { "type": "integer" },
              "template": { "type": "string" },
              "docgenVersion": { "type": "string" },
              "createdAt": { "type": "string", "format": "date-time" },
              "files": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["name", "sha256", "size", "contentType"],
                  "properties": {
                    "name": { "type": "string" },
                    "sha256": { "type": "string" },
                    "size": { "type": "integer", "format": "int64" },
                    "contentType": { "type": "string" }
                  }
                }
              },
              "links": {
                "type": "object",
                "required": ["self", "signed"],
                "properties": {
                  "self": { "type": "string" },
                  "docx": { "type": ["string", "null"] },
                  "pdf": { "type": ["string", "null"] },
                  "signed": { "type": "string" }
                }
              },
              "warnings": { "type": ["array", "null"], "items": { "$ref": "#/components/schemas/Finding" } }
            }
          },
          "ReportList": {
            "type": "object",
            "required": ["reports"],
            "properties": {
              "agency": { "type": ["string", "null"], "description": "null: the compiling office's list of every agency of the year" },
              "year": { "type": ["integer", "null"] },
              "reports": { "type": "array", "items": { "$ref": "#/components/schemas/ReportDescription" } },
              "continuation": { "type": ["string", "null"], "description": "pass as ?continuation= for the next page; null on the last page" }
            }
          },
          "MissingAgencies": {
            "type": "object",
            "required": ["year", "expected", "submitted", "missing", "unexpected"],
            "properties": {
              "year": { "type": "integer" },
              "expected": { "type": "array", "items": { "type": "string" }, "description": "应报送的机关（NFKC）" },
              "submitted": { "type": "array", "items": { "type": "string" }, "description": "其中已提交该年度报告的" },
              "missing": { "type": "array", "items": { "type": "string" }, "description": "其中尚未提交的" },
              "unexpected": { "type": "array", "items": { "type": "string" }, "description": "已提交但不在名单中的机关" }
            }
          },
          "CompilationRequest": {
            "type": "object",
            "required": ["agency", "year"],
            "additionalProperties": false,
            "properties": {
              "agency": { "type": "string", "minLength": 1, "description": "汇总报告的机关，如某市人民政府" },
              "year": { "type": "integer" },
              "agencies": { "type": "array", "minItems": 1, "items": { "type": "string" }, "description": "参与汇总的机关；默认为该年度有报告的全部机关" }
            }
          },
          "CompilationResult": {
            "type": "object",
            "required": ["agency", "year", "report", "valid", "errors", "warnings", "findings", "parts", "missing"],
            "properties": {
              "agency": { "type": "string" },
              "year": { "type": "integer" },
              "report": { "$ref": "#/components/schemas/Report" },
              "valid": { "type": "boolean" },
              "errors": { "type": "integer" },
              "warnings": { "type": "integer" },
              "findings": { "type": "array", "items": { "$ref": "#/components/schemas/Finding" }, "description": "汇总的说明（AGGREGATE_CELL_BLANK：有机关未填的单元格留空）和汇总报告的校验结果" },
              "parts": {
                "type": "array",
                "description": "每个机关参与汇总的（该年度最新的）报告",
                "items": { "type": "object", "required": ["agency", "id"], "properties": { "agency": { "type": "string" }, "id": { "type": "string" } } }
              },
              "missing": { "type": "array", "items": { "type": "string" }, "description": "请求中列出但没有该年度报告的机关" }
            }
          },
          "ValidationResult": {
            "type": "object",
            "required": ["valid", "errors", "warnings", "findings"],
            "properties": {
              "valid": { "type": "boolean" },
              "errors": { "type": "integer" },
              "warnings": { "type": "integer" },
              "findings": { "type": "array", "items": { "$ref": "#/components/schemas/Finding" } }
            }
          },
          "ImportResult": {
            "type": "object",
            "required": ["report", "errors", "warnings", "findings"],
            "properties": {
              "report": { "$ref": "#/components/schemas/Report" },
              "errors": { "type": "integer" },
              "warnings": { "type": "integer" },
              "findings": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["code", "severity", "message"],
                  "properties": {
                    "code": { "type": "string" },
                    "severity": { "enum": ["error", "warning"] },
                    "line": { "type": "integer" },
                    "where": { "type": ["string", "null"] },
                    "message": { "type": "string" }
                  }
                }
              }
            }
          },
          "SignedVersion": {
            "type": "object",
            "required": ["version", "sha256", "size", "uploadedAt", "link"],
            "properties": {
              "version": { "type": "integer" },
              "sha256": { "type": "string" },
              "size": { "type": "integer", "format": "int64" },
              "uploadedAt": { "type": "string", "format": "date-time" },
              "link": { "type": "string" }
            }
          },
          "SignedVersionList": {
            "type": "object",
            "required": ["id", "versions"],
            "properties": {
              "id": { "type": "string" },
              "versions": { "type": "array", "items": { "$ref": "#/components/schemas/SignedVersion" } }
            }
          },
          "Health": {
            "type": "object",
            "required": ["status", "version", "checks"],
            "properties": {
              "status": { "type": "string", "enum": ["ok", "failing"] },
              "version": { "type": "string" },
              "checks": {
                "type": "object",
                "additionalProperties": {
                  "type": "object",
                  "required": ["status"],
                  "properties": {
                    "status": { "type": "string", "enum": ["ok", "failing"] },
                    "description": { "type": ["string", "null"] }
                  }
                }
              }
            }
          },
          "Problem": {
            "type": "object",
            "description": "RFC 9457 problem details: a Chinese title and a stable English code",
            "required": ["title", "status", "code"],
            "properties": {
              "type": { "type": "string" },
              "title": { "type": "string" },
              "status": { "type": "integer" },
              "detail": { "type": ["string", "null"] },
              "code": { "type": "string" },
              "findings": { "type": "array", "items": { "$ref": "#/components/schemas/Finding" } },
              "traceId": { "type": "string" }
            }
          }
        }
        """;
}
