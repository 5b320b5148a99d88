using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Tests;

/// <summary>One font resolver for all tests (faces load once), and sample documents.</summary>
public static class Fixtures
{
    public static FontResolver Fonts { get; } = new(new FontResolverOptions());

    public const string Body =
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求，现将本机关2021年政府信息公开工作情况报告如下。" +
        "全年共收到政府信息公开申请6,855件，办结率100%，涉及资金3,755.52万元；主动公开政策文件、规划计划、财政预决算等信息。" +
        "我们坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果“五公开”，持续提升政务公开质量和实效。";

    public static PdfDocumentModel SampleReport(int bodyRepeats = 6)
    {
        var doc = new PdfDocumentModel();
        doc.Info.Title = "某某市人民政府2021年政府信息公开工作年度报告";
        doc.Info.Author = "某某市人民政府办公室";
        doc.Info.Subject = "政府信息公开工作年度报告";
        doc.Info.CreationDate = new DateTimeOffset(2022, 1, 15, 9, 30, 0, TimeSpan.FromHours(8));

        doc.Add(ParagraphBlock.Of("某某市人民政府2021年政府信息公开\n工作年度报告", FontRole.Title, 22)
            .Aligned(TextAlign.Center).Pitch(36).Spacing(0, 28.95).Bookmark("报告"));
        for (int s = 0; s < 3; s++)
        {
            doc.Add(ParagraphBlock.Of($"{"一二三"[s]}、总体情况", FontRole.Heading1, 16).Indent(2).Pitch(28.95)
                .Bookmark($"{"一二三"[s]}、总体情况").KeepNext());
            doc.Add(ParagraphBlock.Of("（一）主动公开", FontRole.Heading2, 16).Indent(2).Pitch(28.95)
                .Bookmark("（一）主动公开", 1).KeepNext());
            for (int i = 0; i < bodyRepeats; i++)
                doc.Add(ParagraphBlock.Of(Body, FontRole.Body, 16).Indent(2).Pitch(28.95).Grid(28, Units.Mm(156), 16));
            doc.Add(new ParagraphBlock().Add("1.加粗小标题。", FontRole.Body, 16, bold: true).Add("正文接续加粗标题之后。", FontRole.Body, 16)
                .Indent(2).Pitch(28.95));
        }
        doc.Add(SpanTable(rows: 30));
        return doc;
    }

    /// <summary>A table with a two-row header (column spans) and body row groups tied by rowSpans.</summary>
    public static TableBlock SpanTable(int rows, double rowMinHeight = 0)
    {
        var t = new TableBlock { HeaderRowCount = 2, SpaceBefore = 10, BorderWidth = 0.5 };
        t.Columns.AddRange([ColumnWidth.Relative(2), ColumnWidth.Relative(3), ColumnWidth.Relative(1), ColumnWidth.Relative(1)]);
        t.AddRow(TableCell.Of("类别", rowSpan: 2), TableCell.Of("项目", rowSpan: 2), TableCell.Of("数量", colSpan: 2));
        t.AddRow(TableCell.Of("本年"), TableCell.Of("上年"));
        for (int r = 0; r < rows; r++)
        {
            var row = new List<TableCell>();
            if (r % 3 == 0) row.Add(TableCell.Of($"第{r / 3 + 1}组", rowSpan: 3));
            row.Add(TableCell.Of($"项目{r + 1}", align: TextAlign.Left));
            row.Add(TableCell.Of((r * 137 + 6855).ToString("N0")));
            row.Add(TableCell.Of((r * 3.5 + 3755.52).ToString("N2")));
            t.AddRow([.. row]);
            t.Rows[^1].MinHeight = rowMinHeight;
        }
        return t;
    }
}
