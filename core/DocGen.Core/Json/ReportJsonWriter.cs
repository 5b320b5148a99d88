using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Json;

/// <summary>
/// Writes report JSON in the form <see cref="ReportJsonReader"/> reads: camelCase, Chinese kept as is,
/// rows of a table on one line each so a person can check them against the printed table.
/// Property order follows the edition, so the same report always gives the same bytes.
/// </summary>
public static class ReportJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(Report report)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("edition", report.Edition);
            w.WriteString("agency", report.Agency);
            w.WriteNumber("year", report.Year);
            if (report.Title is not null) w.WriteString("title", report.Title);
            if (report.PublicationDate is { } d) w.WriteString("publicationDate", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (report.Contact is { IsEmpty: false } c) WriteContact(w, c);
            w.WritePropertyName("preface");
            WriteBlocks(w, report.Preface);
            w.WriteStartArray("sections");
            foreach (var s in report.Sections)
            {
                w.WriteStartObject();
                if (s.Key is not null) w.WriteString("key", s.Key);
                w.WriteString("heading", s.Heading);
                w.WritePropertyName("blocks");
                WriteBlocks(w, s.Blocks);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var edition = EditionCatalog.Find(report.Edition);
            if (edition is { Tables.Count: > 0 }) WriteTables(w, edition, report);
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static string WriteString(Report report) => Encoding.UTF8.GetString(Write(report));

    private static void WriteContact(Utf8JsonWriter w, Contact c)
    {
        w.WriteStartObject("contact");
        void Field(string name, string? value) { if (value is not null) w.WriteString(name, value); }
        Field("office", c.Office);
        Field("address", c.Address);
        Field("postcode", c.Postcode);
        Field("phone", c.Phone);
        Field("fax", c.Fax);
        Field("email", c.Email);
        Field("website", c.Website);
        w.WriteEndObject();
    }

    private static void WriteBlocks(Utf8JsonWriter w, IReadOnlyList<Block> blocks)
    {
        w.WriteStartArray();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    w.WriteStringValue(p.Text);
                    break;
                case Point pt:
                    w.WriteStartObject();
                    w.WriteString("lead", pt.Lead);
                    w.WriteString("text", pt.Text);
                    w.WriteEndObject();
                    break;
                case Subsection sub:
                    w.WriteStartObject();
                    w.WriteString("heading", sub.Heading);
                    w.WritePropertyName("blocks");
                    WriteBlocks(w, sub.Blocks);
                    w.WriteEndObject();
                    break;
            }
        }
        w.WriteEndArray();
    }

    private static void WriteTables(Utf8JsonWriter w, Edition edition, Report report)
    {
        w.WriteStartObject("tables");
        foreach (var def in edition.Tables)
        {
            if (!report.Tables.TryGetValue(def.Id, out var data)) continue;
            w.WriteStartObject(def.Id);
            foreach (var row in def.Rows)
            {
                if (!data.Rows.TryGetValue(row.Key, out var cells)) continue;
                w.WritePropertyName(row.Key);
                w.WriteRawValue("[" + string.Join(", ", cells.Select(CellJson)) + "]");
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static string CellJson(CellValue cell) => cell.Kind switch
    {
        CellKind.NotApplicable => "\"/\"",
        CellKind.Blank => "null",
        _ when cell.Unit is not null =>
            $"{{\"value\": {cell.Number.ToString(CultureInfo.InvariantCulture)}, \"unit\": \"{cell.Unit}\"}}",
        _ => cell.Number.ToString(CultureInfo.InvariantCulture),
    };
}
