using DocGen.Core.Model;

namespace DocGen.Core.Validation;

/// <summary>
/// Finds characters that cannot appear in a document (control characters): they are dropped on output,
/// and the user is told where they were.
/// </summary>
internal static class TextChecks
{
    public static void Check(Report report, FindingList findings)
    {
        EachText(report, (text, place) =>
        {
            if (text is null) return;
            int first = Rendering.TextCleaner.IndexOfControl(text);
            if (first < 0) return;
            int bad = 0;
            for (int i = first; i < text.Length; i++)
                if (Rendering.TextCleaner.IsControl(text[i])) bad++;
                findings.Add(Finding.Warning("CONTROL_CHARACTER", place.Pointer, $"文字中有{bad}个控制字符，输出时将删除"));
        });
    }

    /// <summary>Every text of the report with its place: agency, title, preface, headings, narrative.</summary>
    public static void EachText(Report report, Action<string?, TextPlace> text)
    {
        text(report.Agency, new("/agency"));
        text(report.Title, new("/title"));
        Blocks(report.Preface, "/preface", text);
        for (int i = 0; i < report.Sections.Count; i++)
        {
            string p = Pointer.Join("/sections", i);
            text(report.Sections[i].Heading, new(p, Leaf: "heading"));
            Blocks(report.Sections[i].Blocks, Pointer.Join(p, "blocks"), text);
        }
    }

    private static void Blocks(IReadOnlyList<Block> blocks, string pointer, Action<string?, TextPlace> text)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case Paragraph para: text(para.Text, new(pointer, i)); break;
                case Point pt: text(pt.Lead, new(pointer, i, "lead")); text(pt.Text, new(pointer, i, "text")); break;
                case Subsection sub:
                    text(sub.Heading, new(pointer, i, "heading"));
                    Blocks(sub.Blocks, Pointer.Join(Pointer.Join(pointer, i), "blocks"), text);
                    break;
            }
        }
    }
}

/// <summary>
/// Where a text of the report is: a JSON pointer made only when a finding names it, since a long narrative has
/// tens of thousands of texts and few findings.
/// </summary>
internal readonly record struct TextPlace(string Parent, int Index = -1, string? Leaf = null)
{
    public string Pointer => (Index, Leaf) switch
    {
        (< 0, null) => Parent,
        (< 0, _) => Validation.Pointer.Join(Parent, Leaf),
        (_, null) => Validation.Pointer.Join(Parent, Index),
        _ => Validation.Pointer.Join(Parent, Index, Leaf),
    };
}
