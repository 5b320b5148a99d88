using DocGen.Core.Import;
using DocGen.Core.Tests.Import;

namespace DocGen.Core.Tests.Properties;

/// <summary>Inputs on which the property tests found a crash, kept as tests of their own.</summary>
public class FoundCrashTests
{
    /// <summary>
    /// CsCheck seed 6bQdGKmc9G-1 (importer, 30,000 cases): a table cell "᧔" (NEW TAI LUE DIGIT FOUR) matched the
    /// cell pattern's \d and then failed decimal.Parse with a FormatException. A digit of another script is not a
    /// number here; a figure too large for a decimal is out of range. Both are import errors with a line number.
    /// </summary>
    [Theory]
    [InlineData("\u19D4")]
    [InlineData("\u0663")]                                 // ARABIC-INDIC DIGIT THREE
    [InlineData("999999999999999999999999999999999")]      // more than decimal holds
    public void Odd_digits_in_a_table_cell_are_an_import_error(string cell)
    {
        string text = Seeds.Text(Seeds.Wanbailin).Replace("行政许可 | 64142 |", $"行政许可 | {cell} |");
        var result = ReportImporter.Import(text, Seeds.Wanbailin);
        var issue = Assert.Single(result.Issues, i => i.IsError && i.Message.Contains(cell[..Math.Min(cell.Length, 20)]));
        Assert.True(issue.Line > 0);
    }
}
