using DocGen.Core.Editions;
using DocGen.Core.Model;
using Block = DocGen.Core.Model.Block;

namespace DocGen.Core.Rendering;

/// <summary>Builds the <see cref="DocumentPlan"/> of a report: the one place that decides levels, leads, title lines and keeps.</summary>
public static class DocumentPlanner
{
    /// <summary>Levels below the section heading: "（一）" is 2, "1." is 3, "（1）" is 4; deeper nesting stays at 4.</summary>
    public const int FirstSubLevel = 2;
    public const int LastLevel = 4;

    public static DocumentPlan Plan(Report report, PlanOptions? options = null)
    {
        options ??= new PlanOptions();
        var edition = EditionCatalog.Find(report.Edition) ?? throw new ArgumentException($"未知的格式版本“{report.Edition}”", nameof(report));
        string Prepare(string text)
        {
            text = TextCleaner.Clean(text);
            return options.KeepPunctuationAsWritten ? text : Punctuation.Normalise(text);
        }

        var sections = new List<PlanSection>();
        foreach (var section in report.Sections)
        {
            var tableId = section.Key is null ? null : edition.Section(section.Key)?.TableId;
            var def = tableId is null ? null : edition.Table(tableId);
            sections.Add(new PlanSection(section.Key, Prepare(section.Heading), Blocks(section.Blocks, 0, Prepare),
                def is null ? null : Table(def, report.Tables.GetValueOrDefault(def.Id))));
        }
        string title = Prepare(report.EffectiveTitle);
        return new DocumentPlan
        {
            Edition = edition,
            Year = report.Year,
            Title = title,
            TitleLines = TitleLines.Break(title, report.Agency),
            Agency = Prepare(report.Agency),
            Date = ReportText.PublicationDate(report),
            Preface = Blocks(report.Preface, 0, Prepare),
            Contact = ReportText.ContactLine(report) is { } contact ? new PlanParagraph([new PlanRun(Prepare(contact))]) : null,
            Sections = sections,
        };
    }

    /// <summary>
    /// The level of a subsection heading or a lead: its enumerator's level when it has one ("（一）" is 2 at any
    /// depth), else its depth below the section heading.
    /// </summary>
    public static int Level(string text, int depth)
    {
        int level = Numbering.Level(text);
        return level >= FirstSubLevel ? level : Math.Min(FirstSubLevel + depth, LastLevel);
    }

    private static List<PlanBlock> Blocks(IReadOnlyList<Block> blocks, int depth, Func<string, string> prepare)
    {
        var result = new List<PlanBlock>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    result.Add(new PlanParagraph([new PlanRun(prepare(p.Text))]));
                    break;
                case Point pt:
                    result.Add(Point(prepare(pt.Lead), prepare(pt.Text), depth));
                    break;
                case Subsection sub:
                    result.Add(new PlanHeading(prepare(sub.Heading), Level(sub.Heading, depth)));
                    result.AddRange(Blocks(sub.Blocks, depth + 1, prepare));
                    break;
            }
        }
        return result;
    }

    /// <summary>
    /// A numbered point: the lead sentence in its level's style, the rest plain. A lead with no text after it is
    /// cut after its first sentence, so a whole paragraph is never printed bold.
    /// </summary>
    private static PlanBlock Point(string lead, string text, int depth)
    {
        int level = Level(lead, depth);
        if (text.Length == 0)
        {
            int end = lead.IndexOfAny(SentenceEnds);
            if (end >= 0 && end + 1 < lead.Length) (lead, text) = (lead[..(end + 1)], lead[(end + 1)..]);
        }
        var runs = new List<PlanRun> { new(lead, level) };
        if (text.Length > 0) runs.Add(new PlanRun(text));
        return new PlanParagraph(runs);
    }

    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '：'];

    /// <summary>A row label spanning at most this many rows keeps its rows on one page; a longer group may split.</summary>
    public const int MaxKeptGroupRows = 5;

    /// <summary>
    /// Rows kept on the page of the next row, the one keep policy of both writers: in a table of captioned blocks
    /// (表二) every row of a block but its last, so no block is split; in the other tables the rows of a short
    /// rowSpan group (up to <see cref="MaxKeptGroupRows"/>). Longer groups split where the PDF engine finds room
    /// for their label.
    /// </summary>
    public static PlanTable Table(TableDef def, TableData? data)
    {
        var layout = def.Layout;
        bool blocks = layout.Skip(def.HeaderRows).Any(row => row.Any(c => c.Role == CellRole.Caption));
        var keep = new bool[layout.Count];
        for (int r = def.HeaderRows; r < layout.Count - 1; r++)
        {
            if (blocks) keep[r] = !layout[r + 1].Any(c => c.Role == CellRole.Caption);
            foreach (var cell in layout[r].Where(c => c.RowSpan is > 1 and <= MaxKeptGroupRows))
                for (int k = r; k < Math.Min(r + cell.RowSpan - 1, layout.Count - 1); k++) keep[k] = true;
        }
        return new PlanTable(def, data, keep);
    }
}
