using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>
/// Finds characters that cannot appear in a document (control characters): they are dropped on output,
/// and the user is told where they were.
/// </summary>
internal static class TextChecks
{
    public static void Check(Report report, List<Finding> findings)
    {
        EachText(report, (text, pointer) =>
        {
            if (text is null) return;
            int bad = text.Count(Rendering.TextCleaner.IsControl);
            if (bad > 0)
                findings.Add(Finding.Warning("CONTROL_CHARACTER", pointer, $"文字中有{bad}个控制字符，输出时将删除"));
        });
    }

    /// <summary>Every text of the report with its JSON pointer: agency, title, preface, headings, narrative.</summary>
    public static void EachText(Report report, Action<string?, string> Text)
    {
        Text(report.Agency, "/agency");
        Text(report.Title, "/title");
        Blocks(report.Preface, "/preface", Text);
        for (int i = 0; i < report.Sections.Count; i++)
        {
            string p = Pointer.Join("/sections", i);
            Text(report.Sections[i].Heading, Pointer.Join(p, "heading"));
            Blocks(report.Sections[i].Blocks, Pointer.Join(p, "blocks"), Text);
        }
    }


    private static void Blocks(IReadOnlyList<Block> blocks, string pointer, Action<string?, string> text)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            string p = Pointer.Join(pointer, i);
            switch (blocks[i])
            {
                case Paragraph para: text(para.Text, p); break;
                case Point pt: text(pt.Lead, Pointer.Join(p, "lead")); text(pt.Text, Pointer.Join(p, "text")); break;
                case Subsection sub:
                    text(sub.Heading, Pointer.Join(p, "heading"));
                    Blocks(sub.Blocks, Pointer.Join(p, "blocks"), text);
                    break;
            }
        }
    }
}

