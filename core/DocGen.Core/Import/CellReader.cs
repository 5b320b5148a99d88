using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Import;

/// <summary>Reads the text of one table cell as the column asks, or says why it cannot.</summary>
internal static partial class CellReader
{
    // [0-9], not \d: \d also matches the digits of other scripts (᧔, ٣…), which decimal.Parse refuses.
    [GeneratedRegex(@"^(?<sign>[+-]?)(?<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?<frac>[0-9]+))?(?<unit>万元|元|件|个|项|条|次)?$")]
    private static partial Regex NumberRegex();

    /// <summary>Texts published for "not applicable".</summary>
    private static readonly string[] NotApplicable = ["/", "／", "\\"];
    private static readonly string[] Dashes = ["-", "—", "——", "－", "–", "−"];

    public static bool LooksLikeValue(string text)
    {
        string t = TextNorm.Number(text);
        return t.Length == 0 || NotApplicable.Contains(t) || Dashes.Contains(t) || NumberRegex().IsMatch(t);
    }

    /// <summary>
    /// The cell, or null with <paramref name="error"/> set. <paramref name="warning"/> tells what was read
    /// in a way the user should check ("00" read as 0, a unit dropped, "-" read as not applicable).
    /// <paramref name="headerUnit"/> is a unit the column header gave that the mandated label does not.
    /// </summary>
    public static CellValue? Read(string text, ColumnDef column, string? headerUnit, out string? error, out string? warning)
    {
        error = null;
        warning = null;
        string t = TextNorm.Number(text);
        if (t.Length == 0) return CellValue.Blank;
        if (NotApplicable.Contains(t)) return CellValue.NotApplicable;
        if (Dashes.Contains(t))
        {
            warning = $"“{text.Trim()}”读作不适用（/）";
            return CellValue.NotApplicable;
        }
        var m = NumberRegex().Match(t);
        if (!m.Success)
        {
            error = $"“{Narrative.Excerpt(text.Trim())}”不是数值";
            return null;
        }
        string digits = m.Groups["int"].Value.Replace(",", "");
        string frac = m.Groups["frac"].Value;
        string? unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : null;
        if (!decimal.TryParse(m.Groups["sign"].Value + digits + (frac.Length > 0 ? "." + frac : ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            error = $"“{Narrative.Excerpt(text.Trim())}”超出数值范围";
            return null;
        }
        var notes = new List<string>();
        if (digits.Length > 1 && digits[0] == '0')
            notes.Add($"“{text.Trim()}”有多余的前导零，读作{number.ToString(CultureInfo.InvariantCulture)}");
        if (m.Groups["sign"].Value == "-" && column.Kind != ValueKind.Change)
            notes.Add($"“{text.Trim()}”是负数，而本列应为非负数");
        if (unit is not null && !(column.Kind == ValueKind.Money && TextNorm.Units.Contains(unit)))
        {
            notes.Add($"单元格中的单位“{unit}”已略去");
            unit = null;
        }
        if (column.Kind == ValueKind.Money) unit ??= headerUnit;
        var kind = column.Kind switch
        {
            ValueKind.Money => CellKind.Decimal,
            ValueKind.Change => CellKind.Change,
            _ => frac.Length == 0 || number == decimal.Truncate(number) ? CellKind.Integer : CellKind.Decimal,
        };
        if (kind == CellKind.Integer) number = decimal.Truncate(number);
        if (column.Kind == ValueKind.Count && kind == CellKind.Decimal) notes.Add($"“{text.Trim()}”不是整数");
        if (notes.Count > 0) warning = string.Join("；", notes);
        return new CellValue(kind, number, unit);
    }
}
