using System.Globalization;
using DocGen.Core.Editions;

namespace DocGen.Core.Validation;

/// <summary>
/// One problem found in a report: a stable English <see cref="Code"/>, where it is (a JSON pointer and,
/// for table cells, the table, row and column labels), and a message in Chinese.
/// </summary>
public sealed record Finding
{
    public required string Code { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>RFC 6901 JSON pointer into the report JSON; "" is the whole document.</summary>
    public required string Pointer { get; init; }
    public required string Message { get; init; }
    public string? Table { get; init; }
    public string? Row { get; init; }
    public string? Column { get; init; }
    public string? Expected { get; init; }
    public string? Actual { get; init; }
    /// <summary>For a statement of the narrative: the words quoted, as written (<see cref="Pointer"/> is then the paragraph's).</summary>
    public string? Quote { get; init; }
    /// <summary>JSON pointers of the table cells a finding about the narrative compares with (one, or those summed).</summary>
    public IReadOnlyList<string>? Cells { get; init; }

    public static Finding Error(string code, string pointer, string message) =>
        new() { Code = code, Severity = Severity.Error, Pointer = pointer, Message = message };

    public static Finding Warning(string code, string pointer, string message) =>
        new() { Code = code, Severity = Severity.Warning, Pointer = pointer, Message = message };

    public override string ToString() =>
        $"{(Severity == Severity.Error ? "错误" : "警告")} {Code} {(Pointer.Length == 0 ? "/" : Pointer)}：{Message}";
}

/// <summary>Builds JSON pointers, escaping "~" and "/" as RFC 6901 asks.</summary>
public static class Pointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string Join(string parent, string segment) => parent + "/" + Escape(segment);

    public static string Join(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}/{index}");

    /// <summary>parent/index/leaf in one string, as a point's lead or text is named.</summary>
    public static string Join(string parent, int index, string leaf) => string.Create(CultureInfo.InvariantCulture, $"{parent}/{index}/{Escape(leaf)}");

    public static string Cell(string tableId, CellRef cell) => $"/tables/{Escape(tableId)}/{Escape(cell.RowKey)}/{cell.Column}";
}
