using DocGen.Core.Editions;
using DocGen.Core.Json;
using DocGen.Core.Model;
using DocGen.Core.Rendering;
using DocGen.Core.Tests.Fixtures;
using DocGen.Core.Validation;
using DocGen.Core.Word;
using DocGen.Pdf;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Paragraph = DocGen.Core.Model.Paragraph;

namespace DocGen.Core.Tests.Rendering;

/// <summary>The one plan both writers render: title lines, levels and leads, punctuation.</summary>
public class DocumentPlanTests
{
    [Theory]
    [InlineData("2016-gaoping-city.json", "高平市人民政府2016年", "政府信息公开年度报告")]
    [InlineData("2020-luoyang-jili-district.json", "洛阳市吉利区人民政府2020年", "政府信息公开工作年度报告")]
    [InlineData("2020-shitai-county-office.json", "石台县人民政府办公室2020年", "政府信息公开工作年度报告")]
    [InlineData("2021-changzhi-city.json", "长治市人民政府2021年", "政府信息公开工作年度报告")]
    [InlineData("2024-taiyuan-wanbailin-district.json", "太原市万柏林区人民政府2024年度", "政府信息公开工作年度报告")]
    public void Titles_break_after_the_year_into_balanced_lines_in_both_outputs(string sample, string first, string second)
    {
        var report = ReportJsonReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, sample))).Report!;
        var plan = DocumentPlanner.Plan(report);
        Assert.Equal([first, second], plan.TitleLines);

        // The PDF title is those lines, forced apart; the .docx title has a line break between them.
        var title = (ParagraphBlock)ReportPdfBuilder.Build(plan, report).Blocks[0];
        Assert.Equal(first + "\n" + second, string.Concat(title.Runs.Select(r => r.Text)));
        using var doc = WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(report)), false);
        var p = doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First();
        Assert.Equal(first + "|" + second, string.Concat(p.Descendants().Select(e => e is Text t ? t.Text : e is Break ? "|" : "")));
    }

    [Fact]
    public void A_long_agency_breaks_inside_its_name_and_no_line_is_too_long()
    {
        var lines = TitleLines.Break("中共某某省某某市某某区委员会办公室2023年政府信息公开工作年度报告", "中共某某省某某市某某区委员会办公室");
        // Two lines fit only when broken after the agency: fewest lines first, then the most even.
        Assert.Equal(["中共某某省某某市某某区委员会办公室", "2023年政府信息公开工作年度报告"], lines);
        var four = TitleLines.Break("中共某某省某某市某某区某某街道工作委员会办公室2023年政府信息公开工作年度报告", "");
        Assert.Equal(3, four.Count);
        Assert.All(four, l => Assert.True(TitleLines.Em(l) <= TitleLines.MaxLineEm, l));
        Assert.Equal(["短标题"], TitleLines.Break("短标题", ""));
    }

    [Fact]
    public void Leads_take_the_style_of_their_numbering_level_in_both_writers()
    {
        var report = ReportFactory.Consistent() with
        {
            Preface =
            [
                new Point("（一）二级引导句。", "正文。"),
                new Point("1.三级引导句。", "正文。"),
                new Point("2.没有正文的要点句。后面的话不应加粗。", ""),
            ],
        };
        var plan = DocumentPlanner.Plan(report);
        var runs = plan.Preface.Cast<PlanParagraph>().Select(p => p.Runs).ToList();
        Assert.Equal(2, runs[0][0].LeadLevel);
        Assert.Equal(3, runs[1][0].LeadLevel);
        Assert.Equal([new PlanRun("2.没有正文的要点句。", 3), new PlanRun("后面的话不应加粗。")], runs[2]);

        // PDF: 楷体 (Heading2 role) for level 2, 仿宋 bold for level 3, plain after the lead.
        var pdf = ReportPdfBuilder.Build(plan, report).Blocks.OfType<ParagraphBlock>().ToList();
        var first = pdf.First(b => b.Runs[0].Text.StartsWith("（一）"));
        Assert.Equal((FontRole.Heading2, false), (first.Runs[0].Role, first.Runs[0].Bold));
        var third = pdf.First(b => b.Runs[0].Text.StartsWith("2."));
        Assert.Equal((FontRole.Body, true), (third.Runs[0].Role, third.Runs[0].Bold));
        Assert.False(third.Runs[1].Bold);

        // Word: the lead runs carry the level's character style, which the template defines with the same face.
        using var doc = WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(report)), false);
        var styled = doc.MainDocumentPart!.Document!.Body!.Descendants<Run>()
            .Where(r => r.RunProperties?.RunStyle is not null)
            .GroupBy(r => r.InnerText).ToDictionary(g => g.Key, g => g.First().RunProperties!.RunStyle!.Val!.Value!);
        Assert.Equal(WordStyles.Lead(2), styled["（一）二级引导句。"]);
        Assert.Equal(WordStyles.Lead(3), styled["2.没有正文的要点句。"]);
        var kai = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == WordStyles.Lead(2));
        Assert.Equal(WordStyles.KaiTi, kai.StyleRunProperties!.RunFonts!.EastAsia!.Value);
    }

    [Theory]
    [InlineData("全年共受理申请96件,办结率100%。", "全年共受理申请96件，办结率100%。")]
    [InlineData("联系电话:0355-2039145", "联系电话：0355-2039145")]
    [InlineData("(一)主动公开情况", "（一）主动公开情况")]
    [InlineData("涉及资金3,755.52万元", "涉及资金3,755.52万元")]
    [InlineData("网址(www.gaoping.gov.cn)", "网址（www.gaoping.gov.cn）")]
    [InlineData("see http://a.b/c?x=1,2 (note)", "see http://a.b/c?x=1,2 (note)")]
    public void Half_width_punctuation_between_Chinese_becomes_full_width(string written, string printed)
    {
        Assert.Equal(printed, Punctuation.Normalise(written));
    }

    [Fact]
    public void Punctuation_is_kept_as_written_when_asked_and_the_validator_warns()
    {
        var report = ReportFactory.Consistent() with { Preface = [new Paragraph("根据《条例》,现公布(一)报告。")] };
        Assert.Equal("根据《条例》，现公布（一）报告。", ((PlanParagraph)DocumentPlanner.Plan(report).Preface[0]).Text);
        var kept = new PlanOptions { KeepPunctuationAsWritten = true };
        Assert.Equal("根据《条例》,现公布(一)报告。", ((PlanParagraph)DocumentPlanner.Plan(report, kept).Preface[0]).Text);
        Assert.Contains("现公布(一)报告", WordTestKitText(WordRenderer.Render(report, options: new WordRenderOptions { Plan = kept })));

        var warning = Assert.Single(ReportValidator.Validate(report), f => f.Code == "MIXED_PUNCTUATION");
        Assert.Equal("/preface/0", warning.Pointer);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("“,()”", warning.Message);
    }

    private static string WordTestKitText(byte[] docx) => Word.WordTestKit.BodyText(docx);
}
