using System.Net;
using System.Text;
using DocGen.Core.Editions;
using DocGen.Core.Model;
using DocGen.Core.Rendering;

namespace DocGen.Core.Tests.Import;

/// <summary>
/// Writes a report as a government portal publishes it: a page with navigation, breadcrumb, scripts and a
/// footer around the article; paragraphs with inline styles; numbered points with a &lt;strong&gt; lead; each
/// mandated table drawn from the edition layout with colspan and rowspan, attributes and styles, and
/// &amp;nbsp; in every empty cell. <paramref name="cellText"/> may change what a value cell shows (units).
/// </summary>
internal static class PortalPage
{
    public static string Write(Report report, Func<string, CellRef, CellValue, string>? cellText = null)
    {
        var edition = EditionCatalog.Find(report.Edition)!;
        var sb = new StringBuilder();
        sb.Append("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开</title>
            <style>td{border:1px solid #000}</style>
            <script src="/js/jquery.min.js"></script>
            <script>var _hmt = _hmt || []; document.write('<p>统计代码</p>');</script>
            </head><body>
            <div class="header"><div class="topbar">无障碍 | 长者模式 | English</div><ul class="nav"><li><a href="/">首页</a></li><li>政务公开</li></ul></div>
            <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开年报</div>
            <article class="article" id="zoom">
            """);
        sb.Append($"<header><h1 style=\"text-align:center;font-size:22px\">{E(report.EffectiveTitle)}</h1>\n");
        if (report.PublicationDate is { } d) sb.Append($"<div class=\"info\"><span>发布时间：{d:yyyy-MM-dd}</span> <span class=\"share\">分享到：微信 微博</span></div>");
        sb.Append("</header>\n");
        Blocks(sb, report.Preface);
        if (ReportText.ContactLine(report) is { } contact) P(sb, contact);
        foreach (var section in report.Sections)
        {
            sb.Append($"<p style=\"text-indent:2em\"><strong><span style=\"font-family:黑体\">{E(section.Heading)}</span></strong></p>\n");
            var table = edition.Tables.FirstOrDefault(t => t.SectionKey == section.Key);
            if (table is not null && report.Tables.TryGetValue(table.Id, out var data)) Table(sb, table, data, cellText);
            Blocks(sb, section.Blocks);
        }
        sb.Append("""
            </article>
            <div class="print-bar">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
            <div class="footer"><p>主办：某市人民政府办公室</p><p>网站标识码：1400000000 备案号：晋ICP备00000000号</p></div>
            <script>window.onload = function () { console.log("done"); };</script>
            </body></html>
            """);
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static void P(StringBuilder sb, string text) =>
        sb.Append($"<p style=\"text-indent:2em;line-height:2\"><span style=\"font-family:仿宋_GB2312;font-size:16pt\">{E(text)}</span></p>\n");

    private static void Blocks(StringBuilder sb, IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
            switch (block)
            {
                case Paragraph p: P(sb, p.Text); break;
                case Point pt:
                    sb.Append($"<p style=\"text-indent:2em\"><strong>{E(pt.Lead)}</strong>{E(pt.Text)}</p>\n");
                    break;
                case Subsection s:
                    sb.Append($"<p style=\"text-indent:2em\"><span style=\"font-family:楷体\">{E(s.Heading)}</span></p>\n");
                    Blocks(sb, s.Blocks);
                    break;
            }
    }

    private static void Table(StringBuilder sb, TableDef def, TableData data, Func<string, CellRef, CellValue, string>? cellText)
    {
        sb.Append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"600\" style=\"border-collapse:collapse\">\n<tbody>\n");
        foreach (var row in def.Layout)
        {
            sb.Append("<tr style=\"height:20px\">");
            foreach (var cell in row)
            {
                string attrs = (cell.ColSpan > 1 ? $" colspan=\"{cell.ColSpan}\"" : "") + (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : "");
                string text = cell.Text is not null ? E(cell.Text)
                    : cell.Data is { } r && data.Get(r.RowKey, r.Column) is { } v ? (cellText?.Invoke(def.Id, r, v) ?? v.Display) : "";
                if (text.Length == 0) text = "&nbsp;";
                sb.Append($"<td{attrs} valign=\"middle\" style=\"text-align:center\"><p align=\"center\"><span style=\"font-size:12px\">{text}</span></p></td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }
}
