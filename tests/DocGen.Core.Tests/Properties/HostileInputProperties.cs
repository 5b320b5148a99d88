using CsCheck;
using DocGen.Core.Editions;
using DocGen.Core.Import;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;
using DocumentFormat.OpenXml.Packaging;

namespace DocGen.Core.Tests.Properties;

/// <summary>
/// Property-based tests (CsCheck) over the JSON reader, the text importer and the renderer: no exception escapes,
/// every refusal has a code and a place, every accepted report validates, writes back and renders.
/// </summary>
public class HostileInputProperties
{
    [Fact]
    public void Json_reader_never_throws_and_every_fault_has_a_code()
    {
        Mutations.Json.Sample(bytes =>
        {
            var read = ReportJsonReader.Read(bytes);
            Assert.All(read.Errors, f => Assert.Matches("^[A-Z][A-Z0-9_]+$", f.Code));
            Assert.All(read.Errors, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
            if (!read.Ok) return;
            ReportValidator.Validate(read.Report!);
            var again = ReportJsonReader.Read(ReportJsonWriter.Write(read.Report!));
            Assert.True(again.Ok, string.Join("\n", again.Errors));
        }, iter: PropertyCases.Count, seed: PropertyCases.Seed, print: b => Convert.ToBase64String(b));
    }

    [Fact]
    public void Importer_never_throws_and_every_issue_has_a_code()
    {
        Mutations.ImportText.Sample(text =>
        {
            var result = ReportImporter.Import(text, "fuzz.txt");
            Assert.All(result.Issues, i => Assert.Matches("^[A-Z][A-Z0-9_]+$", i.Code));
            if (result.Report is { } report)
            {
                ReportValidator.Validate(report);
                Assert.True(ReportJsonReader.Read(ReportJsonWriter.Write(report)).Ok);
            }
        }, iter: PropertyCases.Count, seed: PropertyCases.Seed, print: t => t.Length > 2000 ? t[..2000] : t);
    }

    private static readonly Lazy<DocumentRenderer> Renderer = new(() => new DocumentRenderer());

    /// <summary>Reports with random Unicode narrative and extreme cells, in every edition.</summary>
    private static readonly Gen<Report> Reports =
        Gen.Select(
            Gen.OneOf(EditionCatalog.Id2021, EditionCatalog.Id2019, EditionCatalog.IdLegacy),
            Mutations.UnicodeText.Array[0, 6],
            Gen.Select(Gen.Int[0, 40], Gen.OneOf(
                Gen.Long.Select(n => CellValue.Integer(n)),
                Gen.Decimal.Select(d => new CellValue(CellKind.Decimal, d)),
                Gen.Const(CellValue.Blank), Gen.Const(CellValue.NotApplicable))).Array[0, 12],
            Mutations.UnicodeText)
        .Select((edition, texts, cells, heading) =>
        {
            var report = ReportFactory.Consistent(edition);
            Block Make(string t, int i) => (i % 3) switch
            {
                0 => new Paragraph(t),
                1 => new Point(t, t),
                _ => new Subsection(heading, [new Paragraph(t)]),
            };
            var blocks = texts.Select((t, i) => Make(t, i)).ToList();
            report = report with { Preface = blocks, Title = heading.Length == 0 ? null : heading };
            foreach (var (at, value) in cells)
            {
                if (report.Tables.Count == 0) break;
                var t = report.Tables.ElementAt(at % report.Tables.Count);
                var row = t.Value.Rows.ElementAt(at % t.Value.Rows.Count);
                report = report.WithCell(t.Key, row.Key, at % row.Value.Count, value);
            }
            return report;
        });

    [Fact]
    public void Every_accepted_report_renders()
    {
        Reports.Sample(generated =>
        {
            // What the service would accept: the report as it reads back from its JSON.
            var read = ReportJsonReader.Read(ReportJsonWriter.Write(generated));
            if (!read.Ok) { Assert.All(read.Errors, f => Assert.NotEmpty(f.Code)); return; }
            var docs = Renderer.Value.Render(read.Report!, OutputFormats.Both);
            using (var doc = WordprocessingDocument.Open(new MemoryStream(docs.Docx!), false))
                Assert.NotNull(doc.MainDocumentPart?.Document?.Body);
            Assert.Equal("%PDF-"u8.ToArray(), docs.Pdf![..5]);
            Assert.True(docs.Pdf.AsSpan(docs.Pdf.Length - 8).IndexOf("%%EOF"u8) >= 0);
        }, iter: PropertyCases.RenderCount, seed: PropertyCases.Seed, threads: 1);
    }
}
