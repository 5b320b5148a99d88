namespace DocGen.Core.Model;

/// <summary>
/// A section of the report. Mandated editions identify their six sections by <see cref="Key"/>;
/// legacy reports have free sections with no key.
/// </summary>
public sealed record Section
{
    public string? Key { get; init; }
    /// <summary>The heading as published, enumerator included ("一、总体情况").</summary>
    public required string Heading { get; init; }
    public IReadOnlyList<Block> Blocks { get; init; } = [];
}

/// <summary>Narrative content: a paragraph, a numbered point with a bold lead sentence, or a subsection.</summary>
public abstract record Block;

/// <summary>A plain paragraph.</summary>
public sealed record Paragraph(string Text) : Block;

/// <summary>
/// A paragraph that opens with a bold lead sentence, as in "1.及时准确发布疫情防控权威信息。2021年，…".
/// <see cref="Text"/> may be empty when the lead stands alone.
/// </summary>
public sealed record Point(string Lead, string Text) : Block;

/// <summary>A heading with its own blocks ("（一）主动公开政府信息情况"); subsections nest.</summary>
public sealed record Subsection(string Heading, IReadOnlyList<Block> Blocks) : Block;
