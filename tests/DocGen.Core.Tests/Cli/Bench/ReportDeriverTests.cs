using DocGen.Cli.Commands.Bench;
using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;

namespace DocGen.Core.Tests.Cli.Bench;

public class ReportDeriverTests
{
    private static readonly Report[] Samples = RepoPaths.SampleFiles()
        .Select(f => ReportJsonReader.Read(File.ReadAllBytes(f)).Report!).ToArray();

    private static string Json(Report r) => ReportJsonWriter.WriteString(r);

    private static HashSet<char> Glyphs(string json)
    {
        var report = ReportJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(json)).Report!;
        return [.. report.EffectiveTitle + report.Agency + Json(report with { Tables = new Dictionary<string, TableData>() })];
    }

    [Fact]
    public void Thirty_derived_reports_are_all_different_read_back_and_validate_without_errors()
    {
        var deriver = new ReportDeriver(Samples, seed: 1);
        var jsons = Enumerable.Range(0, 30).Select(i => Json(deriver.Derive(i))).ToArray();
        Assert.Equal(30, jsons.Distinct(StringComparer.Ordinal).Count());
        foreach (var json in jsons)
        {
            var read = ReportJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(json));
            Assert.NotNull(read.Report);
            var errors = ReportValidator.Validate(read.Report!).Where(f => f.Severity == Severity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.Contains(read.Report!.Agency, deriver.Agencies);
            Assert.DoesNotContain(read.Report.Agency, Samples.Select(s => s.Agency));
        }
        foreach (var sample in Samples) Assert.DoesNotContain(Json(sample), jsons);
    }

    [Fact]
    public void No_two_derived_reports_use_the_same_set_of_characters_so_font_subsets_differ()
    {
        var deriver = new ReportDeriver(Samples, seed: 1);
        var sets = Enumerable.Range(0, 30).Select(i => Glyphs(Json(deriver.Derive(i)))).ToArray();
        for (int i = 0; i < sets.Length; i++)
            for (int j = i + 1; j < sets.Length; j++)
                Assert.False(sets[i].SetEquals(sets[j]), $"reports {i} and {j} use the same characters");
    }

    [Fact]
    public void A_seed_and_an_index_always_give_the_same_report_and_another_seed_another_one()
    {
        var a = new ReportDeriver(Samples, seed: 7);
        var b = new ReportDeriver(Samples, seed: 7);
        var c = new ReportDeriver(Samples, seed: 8);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(Json(a.Derive(i)), Json(b.Derive(i)));
            Assert.NotEqual(Json(a.Derive(i)), Json(c.Derive(i)));
        }
        Assert.Equal(a.Agencies, b.Agencies);
    }

    [Fact]
    public void Figures_are_multiplied_by_a_whole_number_so_every_sum_still_holds()
    {
        var deriver = new ReportDeriver(Samples, seed: 1);
        var valid = Samples.Where(s => !ReportValidator.Validate(s).Any(f => f.Severity == Severity.Error)).ToArray();
        // Report i is built on valid sample i mod n with factor 1 + (i / n) mod 3.
        int n = valid.Length;
        var derived = deriver.Derive(n); // second round: factor 2
        var source = valid[0];
        foreach (var (id, table) in source.Tables)
            foreach (var (row, cells) in table.Rows)
                for (int col = 0; col < cells.Count; col++)
                {
                    var d = derived.Tables[id].Rows[row][col];
                    Assert.Equal(cells[col].Kind, d.Kind);
                    Assert.Equal(cells[col].Number * 2, d.Number);
                }
    }

    [Fact]
    public void Samples_that_all_have_errors_give_no_deriver()
    {
        var broken = Samples.Select(s => s with { Year = s.Year + 3 }).ToArray(); // title and period no longer match the year
        Assert.All(broken, r => Assert.Contains(ReportValidator.Validate(r), f => f.Severity == Severity.Error));
        var e = Assert.Throws<DocGen.Cli.CliException>(() => new ReportDeriver(broken, 1));
        Assert.Equal("BENCH_NO_VALID_SAMPLE", e.Code);
    }
}
