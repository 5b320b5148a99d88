using DocGen.Pdf.Layout;
using static DocGen.Pdf.Tests.LayoutHelpers;

namespace DocGen.Pdf.Tests;

public class TableLayoutTests
{
    private static readonly PageSetup Page = PageSetup.GbT9704();
    private static double TextBottom => Page.MarginTop + Page.TextHeight;

    [Fact]
    public void SpannedTableSplitsOverPagesWithHeaderRepeatedAndNoRowCut()
    {
        var doc = new PdfDocumentModel();
        doc.Add(ParagraphBlock.Of("表格前的段落。"));
        doc.Add(Fixtures.SpanTable(rows: 45, rowMinHeight: 30));
        var pg = Paginate(doc);
        Assert.True(pg.Pages.Count >= 3);

        foreach (var page in pg.Pages)
        {
            var texts = PageTexts(page).ToList();
            // The two-row header with its column span is on every page.
            Assert.Contains("类别", texts);
            Assert.Contains("数量", texts);
            Assert.Contains("本年", texts);
            // Nothing crosses the bottom of the text block: no row is cut.
            Assert.All(page.Rects, r => Assert.True(r.Top + r.Height <= TextBottom + 0.01, $"rect ends at {r.Top + r.Height}"));
        }

        // Each 3-row group (tied by its rowSpan cell) sits on exactly one page, with all its rows.
        for (int g = 1; g <= 15; g++)
        {
            string label = $"第{g}组";
            var pages = pg.Pages.Where(p => PageTexts(p).Contains(label)).ToList();
            Assert.Single(pages);
            for (int r = 3 * (g - 1) + 1; r <= 3 * g; r++) Assert.Contains($"项目{r}", PageTexts(pages[0]));
        }
        // Every body row appears exactly once.
        for (int r = 1; r <= 45; r++)
            Assert.Equal(1, pg.Pages.Sum(p => PageTexts(p).Count(t => t == $"项目{r}")));
    }

    [Fact]
    public void RowsKeptWithNextMoveToTheNextPageWithIt()
    {
        var doc = new PdfDocumentModel();
        var filler = ParagraphBlock.Of(string.Concat(Enumerable.Repeat("填充文字。", 120))).Pitch(28.95);
        doc.Add(filler);
        var t = new TableBlock();
        t.Columns.AddRange([ColumnWidth.Relative(1), ColumnWidth.Relative(1)]);
        for (int block = 1; block <= 6; block++)
        {
            t.AddRow(TableCell.Of($"标题{block}", colSpan: 2));
            t.Rows[^1].KeepWithNext = true;
            t.AddRow(TableCell.Of($"表头{block}"), TableCell.Of("数量"));
            t.Rows[^1].KeepWithNext = true;
            t.AddRow(TableCell.Of($"数据{block}"), TableCell.Of("1"));
            t.Rows[^1].MinHeight = 60;
        }
        doc.Add(t);
        var pg = Paginate(doc);
        Assert.True(pg.Pages.Count >= 2);
        for (int block = 1; block <= 6; block++)
        {
            var caption = pg.Pages.Single(p => PageTexts(p).Contains($"标题{block}"));
            Assert.Contains($"表头{block}", PageTexts(caption));
            Assert.Contains($"数据{block}", PageTexts(caption));
        }
    }

    [Fact]
    public void RowSpanGroupTallerThanAPageSplitsBetweenRowsAndRepeatsTheSpanningText()
    {
        var t = new TableBlock { HeaderRowCount = 1 };
        t.Columns.AddRange([ColumnWidth.Points(120), ColumnWidth.Relative(1)]);
        t.AddRow(TableCell.Of("分组"), TableCell.Of("内容"));
        for (int r = 0; r < 10; r++)
        {
            if (r == 0) t.AddRow(TableCell.Of("跨十行的单元格", rowSpan: 10), TableCell.Of($"行{r + 1}"));
            else t.AddRow(TableCell.Of($"行{r + 1}"));
            t.Rows[^1].MinHeight = 100; // 1,000 pt in all: more than a page
        }
        var doc = new PdfDocumentModel();
        doc.Add(t);
        var pg = Paginate(doc);
        Assert.Equal(2, pg.Pages.Count);
        foreach (var page in pg.Pages)
        {
            Assert.Contains("分组", PageTexts(page));
            Assert.Contains("跨十行的单元格", PageTexts(page)); // redrawn on the continuation
            Assert.All(page.Rects, r => Assert.True(r.Top + r.Height <= TextBottom + 0.01));
        }
        // Rows are whole: 100 pt body rects only (plus header and the spanning parts).
        var rowRects = pg.Pages.SelectMany(p => p.Rects).Where(r => Math.Abs(r.Height - 100) < 0.01).ToList();
        Assert.Equal(10, rowRects.Count(r => r.X > Page.MarginLeft + 1));
    }

    [Fact]
    public void HeadingWithKeepWithNextNeverSitsAloneAtThePageBottom()
    {
        var doc = new PdfDocumentModel();
        for (int i = 0; i < 21; i++) doc.Add(ParagraphBlock.Of("一行正文。").Pitch(28.95));
        doc.Add(ParagraphBlock.Of("二、标题", FontRole.Heading1).Pitch(28.95).KeepNext());
        doc.Add(ParagraphBlock.Of(Fixtures.Body).Indent(2).Pitch(28.95));
        var pg = Paginate(doc);
        Assert.Equal(21, pg.Pages[0].Lines.Count); // 22 lines fit; the heading's line stays empty
        Assert.Equal("二、标题", LineText(pg.Pages[1].Lines[0].Line));
    }

    [Theory]
    [InlineData(21, 0, 5)] // one line left on page 1: the paragraph starts on page 2 (no orphan)
    [InlineData(18, 3, 2)] // four lines left, five-line paragraph: three stay, two move (no widow)
    [InlineData(17, 5, 0)] // five lines left: it fits
    public void WidowAndOrphanControl(int fillerLines, int onFirstPage, int onSecondPage)
    {
        var doc = new PdfDocumentModel();
        for (int i = 0; i < fillerLines; i++) doc.Add(ParagraphBlock.Of("一行正文。").Pitch(28.95));
        string five = string.Concat(Enumerable.Repeat("政府信息公开工作年度报告", 11)); // 132 characters: 5 lines of 27
        doc.Add(ParagraphBlock.Of(five).Pitch(28.95));
        var pg = Paginate(doc);
        Assert.Equal(fillerLines + onFirstPage, pg.Pages[0].Lines.Count);
        Assert.Equal(onSecondPage, pg.Pages.Count > 1 ? pg.Pages[1].Lines.Count : 0);
    }

    [Fact]
    public void TwentyTwoBodyLinesFitOnAGbPage()
    {
        var doc = new PdfDocumentModel();
        for (int i = 0; i < 23; i++) doc.Add(ParagraphBlock.Of("一行正文。").Pitch(28.95));
        var pg = Paginate(doc);
        Assert.Equal(22, pg.Pages[0].Lines.Count);
        Assert.Single(pg.Pages[1].Lines);
    }
}

public class SpanLabelTests
{
    [Fact]
    public void A_split_group_keeps_its_full_label_on_the_first_part_and_its_short_text_where_the_label_does_not_fit()
    {
        const string label = "三、本年度办理结果的一个很长的分组标签文字";
        var t = new TableBlock { HeaderRowCount = 1 };
        t.Columns.AddRange([ColumnWidth.Points(32), ColumnWidth.Relative(1)]);
        t.AddRow(TableCell.Of("组", size: 10.5), TableCell.Of("内容", size: 10.5));
        for (int r = 0; r < 12; r++)
        {
            if (r == 0)
            {
                var span = TableCell.Of(label, size: 10.5, rowSpan: 12);
                span.ShortText = "三、";
                t.AddRow(span, TableCell.Of($"行{r + 1}", size: 10.5));
            }
            else t.AddRow(TableCell.Of($"行{r + 1}", size: 10.5));
            t.Rows[^1].MinHeight = 60; // 720 pt: more than a page, the last two rows go on
        }
        var doc = new PdfDocumentModel();
        doc.Add(t);
        var diagnostics = new LayoutDiagnostics();
        var pg = LayoutHelpers.Paginate(doc, diagnostics);
        Assert.Equal(2, pg.Pages.Count);
        Assert.Empty(diagnostics.Overflows);
        string Squeezed(int page) => string.Concat(LayoutHelpers.PageTexts(pg.Pages[page]));
        Assert.Contains(label, Squeezed(0));
        Assert.DoesNotContain("本年度", Squeezed(1));
        Assert.Contains("三、", Squeezed(1));
        Assert.Contains("行12", Squeezed(1));
    }

    [Fact]
    public void A_cell_part_too_small_for_its_text_is_reported()
    {
        // No boundary lets the label fit: the engine cuts where the page ends and says the text overflows.
        var t = new TableBlock();
        t.Columns.AddRange([ColumnWidth.Points(20), ColumnWidth.Relative(1)]);
        t.AddRow(TableCell.Of(new string('字', 80), size: 10.5, rowSpan: 2), TableCell.Of("甲", size: 10.5));
        t.AddRow(TableCell.Of("乙", size: 10.5));
        t.Rows[1].MinHeight = 10;
        var doc = new PdfDocumentModel();
        doc.Add(t);
        var diagnostics = new LayoutDiagnostics();
        LayoutHelpers.Paginate(doc, diagnostics);
        Assert.NotEmpty(diagnostics.Overflows);
    }
}
