using DocGen.Core.Editions;

namespace DocGen.Core.Word;

/// <summary>
/// The tags of the content controls (w:sdt) that bind a report to a template. Tags are stable: a
/// restyled or rearranged template still fills as long as its controls keep their tags.
/// </summary>
public static class WordTags
{
    public const string Title = "title";
    public const string Agency = "agency";
    public const string Year = "year";
    public const string PublicationDate = "publicationDate";
    public const string Contact = "contact";
    public const string Preface = "preface";

    /// <summary>Legacy edition: the repeatable free sections and one repeated item.</summary>
    public const string Sections = "sections";
    public const string SectionItem = "section";
    public const string SectionHeading = "section:heading";
    public const string SectionBody = "section:body";

    /// <summary>The block holding the prototype paragraphs; removed from the output.</summary>
    public const string Prototypes = "prototypes";
    public const string ProtoParagraph = "proto:paragraph";
    public const string ProtoPoint = "proto:point";
    /// <summary>Prototype headings of subsections: level 2 (（一）), 3 (1.), 4 ((1)); deeper levels reuse level 4.</summary>
    public static string ProtoHeading(int level) => $"proto:heading{level}";
    public const int FirstSubHeadingLevel = 2;
    public const int LastSubHeadingLevel = 4;

    /// <summary>The narrative of a mandated section: <c>section:overview</c>.</summary>
    public static string Section(string key) => $"section:{key}";

    /// <summary>A table cell: <c>cell:requests:granted:natural</c> (table id, row key, column key).</summary>
    public static string Cell(string tableId, string rowKey, string columnKey) => $"cell:{tableId}:{rowKey}:{columnKey}";

    public static string Cell(TableDef table, CellRef cell) =>
        Cell(table.Id, cell.RowKey, table.Row(cell.RowKey)!.Columns[cell.Column].Key);

    /// <summary>Every tag a template of the edition must hold for a report to fill it.</summary>
    public static IReadOnlyList<string> Required(Edition edition)
    {
        var tags = new List<string> { Title, Agency, Preface, ProtoParagraph, ProtoPoint };
        for (int level = FirstSubHeadingLevel; level <= LastSubHeadingLevel; level++) tags.Add(ProtoHeading(level));
        if (edition.Mandated)
        {
            tags.AddRange(edition.Sections.Select(s => Section(s.Key)));
            foreach (var table in edition.Tables) tags.AddRange(table.AllCells().Select(c => Cell(table, c)));
        }
        else
        {
            tags.AddRange([Sections, SectionItem, SectionHeading, SectionBody]);
        }
        return tags;
    }
}

/// <summary>A template that cannot be filled. <see cref="Code"/> is stable English, the message Chinese.</summary>
public sealed class WordTemplateException(string code, string tag, string message) : Exception(message)
{
    public const string TagMissing = "TEMPLATE_TAG_MISSING";
    public const string Unreadable = "TEMPLATE_UNREADABLE";
    public string Code { get; } = code;
    public string Tag { get; } = tag;
}

public sealed record WordRenderOptions
{
    /// <summary>Keep the content controls (and the prototypes) so the output can be filled again.</summary>
    public bool KeepContentControls { get; init; }
    /// <summary>How the text is prepared (punctuation), as for the PDF.</summary>
    public DocGen.Core.Rendering.PlanOptions? Plan { get; init; }
}
