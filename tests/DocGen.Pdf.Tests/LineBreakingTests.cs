using DocGen.Pdf.Text;
using static DocGen.Pdf.Tests.LayoutHelpers;

namespace DocGen.Pdf.Tests;

public class LineBreakingTests
{
    private const double Size = 16;

    private static List<string> Break(string text, double chars, TextAlign align = TextAlign.Left) =>
        Lines(ParagraphBlock.Of(text, size: Size).Aligned(align), chars * Size).Select(l => LineText(l)).ToList();

    [Fact]
    public void ClosingPunctuationNeverStartsALine()
    {
        // Greedy filling would put "，" first on line 2; the character before it moves down with it.
        Assert.Equal(["一二三四", "五，六七"], Break("一二三四五，六七", 5));
        Assert.Equal(["一二三四", "五。"], Break("一二三四五。", 5));
        Assert.Equal(["一二三四", "五”六"], Break("一二三四五”六", 5));
    }

    [Fact]
    public void OpeningPunctuationNeverEndsALine()
    {
        Assert.Equal(["一二三四", "（五六"], Break("一二三四（五六", 5));
        Assert.Equal(["一二三四", "《五》"], Break("一二三四《五》", 5));
        Assert.Equal(["一二三四", "“五”"], Break("一二三四“五”", 5));
    }

    [Fact]
    public void PunctuationRulesHoldAtEveryWidth()
    {
        string text = Fixtures.Body + "（一）测试：“引号”、《书名》，括号（甲）。半角(a),b;c:d!e?";
        for (double chars = 4; chars <= 30; chars += 0.5)
        {
            var lines = Break(text, chars, TextAlign.Justify);
            Assert.Equal(text, string.Concat(lines));
            for (int i = 0; i < lines.Count; i++)
            {
                if (i > 0) Assert.False(BreakRules.IsClosing(char.ConvertToUtf32(lines[i], 0)), $"line starts with closing: {lines[i]} (width {chars})");
                if (i < lines.Count - 1) Assert.False(BreakRules.IsOpening(lines[i][^1]), $"line ends with opening: {lines[i]} (width {chars})");
            }
        }
    }

    [Theory]
    [InlineData("6,855")]
    [InlineData("3,755.52")]
    [InlineData("2021")]
    [InlineData("100%")]
    [InlineData("DocGen")]
    public void LatinWordsAndNumbersStayWhole(string token)
    {
        string text = $"全年共收到申请{token}件，较上年增加{token}件，其中{token}件已办结。";
        for (double chars = 5; chars <= 20; chars += 0.25)
        {
            var lines = Break(text, chars);
            Assert.Equal(text, string.Concat(lines));
            int whole = lines.Sum(l => CountOccurrences(l, token));
            Assert.True(whole == 3, $"\"{token}\" split at width {chars}: {string.Join(" | ", lines)}");
        }
    }

    [Fact]
    public void JustifiedLinesFillTheWidthAndTheLastLineDoesNot()
    {
        double width = 156 * Units.PointsPerMm;
        var p = ParagraphBlock.Of(Fixtures.Body + "Latin words, 6,855 and 3,755.52 mixed in.", size: Size).Indent(2).Pitch(28.95);
        var lines = Lines(p, width);
        Assert.True(lines.Count >= 4);
        for (int i = 0; i < lines.Count - 1; i++)
            Assert.Equal(width, lines[i].Width, 2);
        Assert.True(lines[^1].Width < width - Size);
        // First-line indent of two characters.
        Assert.Equal(2 * Size, lines[0].Atoms[0].X, 3);
        Assert.Equal(0, lines[1].Atoms[0].X, 3);
        // 28 characters of 16 pt fill the 156 mm text block, as GB/T 9704 intends.
        Assert.All(lines, l => Assert.Equal(28.95, l.Height, 3));
    }

    [Fact]
    public void GridSpacingPutsTwentyEightCharactersOnAGbLine()
    {
        double width = Units.Mm(156);
        string text = string.Concat(Enumerable.Repeat("政府信息公开工作年度报告", 10));
        Assert.Equal(27, Lines(ParagraphBlock.Of(text, size: Size), width).Select(LineText).First().Length);
        var lines = Lines(ParagraphBlock.Of(text, size: Size).Grid(28, width, Size), width);
        Assert.Equal(28, LineText(lines[0]).Length);
        Assert.Equal(width, lines[0].Width, 2);
    }

    [Fact]
    public void AlignmentCentreAndRight()
    {
        var centre = Lines(ParagraphBlock.Of("标题", size: Size).Aligned(TextAlign.Center), 10 * Size)[0];
        Assert.Equal(4 * Size, centre.Atoms[0].X, 3);
        var right = Lines(ParagraphBlock.Of("落款", size: Size).Aligned(TextAlign.Right), 10 * Size)[0];
        Assert.Equal(8 * Size, right.Atoms[0].X, 3);
    }

    [Fact]
    public void RightIndentKeepsASignatureFourCharactersIn()
    {
        var doc = new PdfDocumentModel();
        doc.Add(ParagraphBlock.Of("某某市人民政府办公室", size: Size).Aligned(TextAlign.Right).Indents(0, 4 * Size));
        var item = LayoutHelpers.Paginate(doc).Pages[0].Lines[0];
        double right = item.X + item.Line.Atoms[^1].X + item.Line.Atoms[^1].Atom.Width;
        Assert.Equal(doc.Page.MarginLeft + doc.Page.TextWidth - 4 * Size, right, 2);
    }

    [Fact]
    public void NewlineForcesABreak()
    {
        Assert.Equal(["第一行", "第二行"], Break("第一行\n第二行", 20, TextAlign.Justify));
    }

    private static int CountOccurrences(string s, string token)
    {
        int n = 0;
        for (int i = s.IndexOf(token, StringComparison.Ordinal); i >= 0; i = s.IndexOf(token, i + token.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}

public class AddressBreakingTests
{
    private const double Size = 16;

    private static List<string> Break(string text, double chars) =>
        LayoutHelpers.Lines(ParagraphBlock.Of(text, size: Size).Aligned(TextAlign.Justify), chars * Size).Select(l => LayoutHelpers.LineText(l)).ToList();

    [Theory]
    [InlineData('”', '(', true)]   // ”(www.…): a break before the Latin bracket
    [InlineData('/', 'g', true)]   // http://www.gov.cn/|gk
    [InlineData('.', 'g', true)]   // www.|gaoping
    [InlineData('b', '@', true)]   // gkb|@changzhi.gov.cn
    [InlineData('5', '.', false)]  // 3,755.52 stays whole
    [InlineData('.', '5', false)]
    [InlineData('w', 'w', false)]  // no break inside a word
    public void Breaks_after_closing_punctuation_and_inside_addresses(char before, char after, bool allowed)
    {
        Assert.Equal(allowed, BreakRules.CanBreakBetween(before, after));
    }

    [Fact]
    public void An_address_after_a_quotation_mark_breaks_instead_of_stretching_the_line()
    {
        string text = "通过“高平市人民政府门户网站”(www.gaoping.gov.cn/zwgk/index.html)和电子邮箱gpszwgk@163.com公开。";
        var lines = Break(text, 28);
        Assert.Equal(text, string.Concat(lines));
        // The first line ends inside the address, not before the bracket with its gaps stretched.
        Assert.Contains("(www", lines[0]);
    }

    [Fact]
    public void A_line_that_would_stretch_past_the_limit_is_set_ragged_and_reported()
    {
        var doc = new PdfDocumentModel();
        // One long unbreakable Latin word after two ideographs: justifying the first line would open wide gaps.
        doc.Add(ParagraphBlock.Of("甲乙" + new string('x', 60)).Aligned(TextAlign.Justify));
        var diagnostics = new LayoutDiagnostics();
        var pg = LayoutHelpers.Paginate(doc, diagnostics);
        Assert.True(diagnostics.RaggedLines >= 1);
        var first = pg.Pages[0].Lines[0].Line;
        Assert.True(first.Ragged);
        // Ragged: the characters sit at their natural advances, no gap wider than the limit.
        for (int i = 1; i < first.Atoms.Count; i++)
        {
            double gap = first.Atoms[i].X - first.Atoms[i - 1].X - first.Atoms[i - 1].Atom.Width;
            Assert.True(gap <= Text.LineBreaker.MaxStretchEm * 16 + 0.01, $"gap {gap}");
        }
    }
}
