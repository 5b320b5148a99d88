namespace DocGen.Core.Model;

/// <summary>
/// One annual report as data: the narrative of each section and every cell of every mandated table.
/// Immutable; the JSON reader builds it, the validator checks it, the writers draw it.
/// </summary>
public sealed record Report
{
    /// <summary>Edition id: "2021", "2019" or "legacy" (see <see cref="Editions.EditionCatalog"/>).</summary>
    public required string Edition { get; init; }
    public required string Agency { get; init; }
    public required int Year { get; init; }
    /// <summary>The title as published; null means the default pattern.</summary>
    public string? Title { get; init; }
    public DateOnly? PublicationDate { get; init; }
    public Contact? Contact { get; init; }
    public IReadOnlyList<Block> Preface { get; init; } = [];
    public IReadOnlyList<Section> Sections { get; init; } = [];
    /// <summary>Table id (e.g. "requests") → its data.</summary>
    public IReadOnlyDictionary<string, TableData> Tables { get; init; } = new Dictionary<string, TableData>();

    public string EffectiveTitle => string.IsNullOrWhiteSpace(Title) ? DefaultTitle(Agency, Year) : Title!;

    public static string DefaultTitle(string agency, int year) => $"{agency}{year}年政府信息公开工作年度报告";
}

/// <summary>How to reach the disclosure office; every part optional because reports give different subsets.</summary>
public sealed record Contact
{
    public string? Office { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }

    public bool IsEmpty => Office is null && Address is null && Postcode is null && Phone is null
                           && Fax is null && Email is null && Website is null;
}
