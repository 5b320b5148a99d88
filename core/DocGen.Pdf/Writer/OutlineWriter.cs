using System.Text;
using DocGen.Pdf.Layout;
using static DocGen.Pdf.Writer.PdfSyntax;

namespace DocGen.Pdf.Writer;

/// <summary>Builds the bookmark tree from outline marks (levels may skip; a child's level is clamped to parent + 1).</summary>
internal static class OutlineWriter
{
    private sealed class Node
    {
        public OutlineMark? Mark;
        public int Num;
        public List<Node> Children { get; } = [];
        public int Descendants => Children.Sum(c => 1 + c.Descendants);
    }

    /// <summary>Writes the outline; returns the root's object number, or 0 when there are no marks.</summary>
    public static int Write(PdfFileWriter w, IReadOnlyList<OutlineMark> marks, IReadOnlyList<int> pageNums, double pageHeight)
    {
        if (marks.Count == 0) return 0;
        var root = new Node();
        var stack = new List<Node> { root };
        foreach (var m in marks)
        {
            int level = Math.Clamp(m.Level, 0, stack.Count - 1);
            stack.RemoveRange(level + 1, stack.Count - level - 1);
            var node = new Node { Mark = m };
            stack[level].Children.Add(node);
            stack.Add(node);
        }
        root.Num = w.Reserve();
        Number(w, root);
        WriteNode(w, root, null, null, null, pageNums, pageHeight);
        return root.Num;
    }

    private static void Number(PdfFileWriter w, Node n)
    {
        foreach (var c in n.Children) { c.Num = w.Reserve(); Number(w, c); }
    }

    private static void WriteNode(PdfFileWriter w, Node n, Node? parent, Node? prev, Node? next, IReadOnlyList<int> pages, double pageHeight)
    {
        var sb = new StringBuilder("<<");
        if (n.Mark is { } m)
        {
            sb.Append(" /Title ").Append(TextString(m.Title)).Append(" /Parent ").Append(parent!.Num).Append(" 0 R")
              .Append(" /Dest [").Append(pages[m.PageIndex]).Append(" 0 R /XYZ 0 ").Append(Num(pageHeight - m.Top)).Append(" null]");
            if (prev != null) sb.Append(" /Prev ").Append(prev.Num).Append(" 0 R");
            if (next != null) sb.Append(" /Next ").Append(next.Num).Append(" 0 R");
        }
        else sb.Append(" /Type /Outlines");
        if (n.Children.Count > 0)
            sb.Append(" /First ").Append(n.Children[0].Num).Append(" 0 R /Last ").Append(n.Children[^1].Num)
              .Append(" 0 R /Count ").Append(n.Descendants);
        w.Object(n.Num, sb.Append(" >>").ToString());
        for (int i = 0; i < n.Children.Count; i++)
            WriteNode(w, n.Children[i], n, i > 0 ? n.Children[i - 1] : null, i + 1 < n.Children.Count ? n.Children[i + 1] : null, pages, pageHeight);
    }
}
