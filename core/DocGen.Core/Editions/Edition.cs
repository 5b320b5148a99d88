namespace DocGen.Core.Editions;

/// <summary>A mandated section: its key, the heading to emit, and other wordings accepted on input.</summary>
public sealed record SectionDef(string Key, string Heading, IReadOnlyList<string> AcceptedHeadings, string? TableId)
{
    public bool Accepts(string heading) => Heading == heading || AcceptedHeadings.Contains(heading);
}

/// <summary>
/// One edition of the mandated format: its sections and tables, defined once. For the legacy edition
/// sections are free and <see cref="Sections"/> only lists the customary parts a template starts from.
/// </summary>
public sealed record Edition
{
    public required string Id { get; init; }
    /// <summary>The instrument that set the format, for documents and messages.</summary>
    public required string Instrument { get; init; }
    /// <summary>Whether the six sections and the tables are mandated (false for legacy).</summary>
    public required bool Mandated { get; init; }
    /// <summary>First and last report year this edition is meant for (inclusive; null = open).</summary>
    public required int? FirstYear { get; init; }
    public required int? LastYear { get; init; }
    public required IReadOnlyList<SectionDef> Sections { get; init; }
    public required IReadOnlyList<TableDef> Tables { get; init; }
    /// <summary>Relationships with the previous year's report.</summary>
    public IReadOnlyList<YearRule> YearRules { get; init; } = [];

    public TableDef? Table(string id) => Tables.FirstOrDefault(t => t.Id == id);
    public SectionDef? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);
}
