using DocGen.Core.Editions;
using DocGen.Core.Validation;
using DocGen.Core.Word;

namespace DocGen.Functions.Api;

/// <summary>
/// GET /api/editions and GET /api/editions/{id}: the edition definitions as data (sections, tables with
/// rows, columns, the drawn grid with its spans, the rules with the validator's own wording), so the web
/// page draws and checks the tables without typing any label or rule again. Open without a key.
/// </summary>
public static class EditionsApi
{
    /// <summary>Placeholders in a published lane message, replaced by the page with the two sums.</summary>
    public const string LeftPlaceholder = "{left}";
    public const string RightPlaceholder = "{right}";

    public static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        new(Operations.ListEditions, "GET", ApiPaths.Editions, Access.Open,
            _ => Task.FromResult(Results.Ok(EditionCatalog.All.Select(Summary))), "报告格式版本的列表"),
        new(Operations.GetEdition, "GET", ApiPaths.Edition, Access.Open, http => Task.FromResult(
                EditionCatalog.Find(http.Route("id")) is { } edition
                    ? Results.Ok(Describe(edition))
                    : Problems.NotFound($"报告格式版本“{http.Route("id")}”")),
            "一个版本的章节、表格（行、列、合并单元格）和勾稽规则"),
    ];

    private static Dictionary<string, object?> Summary(Edition e) => new()
    {
        ["id"] = e.Id,
        ["instrument"] = e.Instrument,
        ["mandated"] = e.Mandated,
        ["firstYear"] = e.FirstYear,
        ["lastYear"] = e.LastYear,
    };

    internal static Dictionary<string, object?> Describe(Edition e)
    {
        var described = Summary(e);
        described["sections"] = e.Sections.Select(s => new { key = s.Key, heading = s.Heading, tableId = s.TableId });
        described["tables"] = e.Tables.Select(Table);
        described["yearRules"] = e.YearRules.Select(y => new
        {
            code = y.Code,
            tableId = y.TableId,
            leftName = y.LeftName,
            rightName = y.RightName,
            lanes = y.Lanes.Select(l => new { label = l.Label, left = l.Left.Select(Term), right = l.Right.Select(Term) }),
        });
        return described;
    }

    private static object Table(TableDef t) => new
    {
        id = t.Id,
        name = t.Name,
        sectionKey = t.SectionKey,
        gridColumns = t.GridColumns,
        columnWidths = t.ColumnWidths,
        headerRows = t.HeaderRows,
        rows = t.Rows.Select(r => new
        {
            key = r.Key,
            label = r.Label,
            labelPath = r.LabelPath,
            columns = r.Columns.Select(c => new { key = c.Key, label = c.Label, kind = KindName(c.Kind) }),
        }),
        layout = t.Layout.Select(row => row.Select(c => new
        {
            column = c.Column,
            colSpan = c.ColSpan,
            rowSpan = c.RowSpan,
            role = RoleName(c.Role),
            text = c.Text,
            cell = c.Data is { } d ? Cell(t, d) : null,
        })),
        rules = t.Rules.Select(rule => new
        {
            code = rule.Code,
            severity = rule.Severity == Severity.Error ? "error" : "warning",
            comparison = rule.Comparison == Comparison.Equal ? "equal" : "atLeast",
            leftName = rule.LeftName,
            rightName = rule.RightName,
            lanes = rule.Lanes.Select(lane => new
            {
                label = lane.Label,
                left = lane.Left.Select(c => Cell(t, c)),
                right = lane.Right.Select(c => Cell(t, c)),
                message = RuleMessages.Lane(t, rule, lane, LeftPlaceholder, RightPlaceholder),
            }),
        }),
    };

    private static object Cell(TableDef t, CellRef c) => new { row = c.RowKey, column = c.Column, tag = WordTags.Cell(t, c) };

    private static object Term(Term term) => new
    {
        row = term.Cell.RowKey,
        column = term.Cell.Column,
        sign = term.Sign,
        previousYear = term.PreviousYear,
    };

    private static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.Count => "count",
        ValueKind.Money => "money",
        _ => "change",
    };

    private static string RoleName(CellRole role) => role switch
    {
        CellRole.Caption => "caption",
        CellRole.ColumnHeader => "columnHeader",
        CellRole.RowLabel => "rowLabel",
        _ => "data",
    };
}
