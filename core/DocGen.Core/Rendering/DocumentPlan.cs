using DocGen.Core.Editions;
using DocGen.Core.Model;

namespace DocGen.Core.Rendering;

/// <summary>
/// Everything the two writers print, decided once: the title's lines, the front matter, every heading with
/// its level, every paragraph with its runs and their styles, every table with its keep rules. The Word filler
/// and <see cref="ReportPdfBuilder"/> only render a plan, so the .docx and the PDF cannot disagree.
/// </summary>
public sealed record DocumentPlan
{
    public required Edition Edition { get; init; }
    public required int Year { get; init; }
    /// <summary>The title as one string (metadata, bookmarks).</summary>
    public required string Title { get; init; }
    /// <summary>The title broken at its natural boundaries (<see cref="TitleLines"/>).</summary>
    public required IReadOnlyList<string> TitleLines { get; init; }
    public required string Agency { get; init; }
    /// <summary>"2025年1月26日", or null.</summary>
    public string? Date { get; init; }
    public required IReadOnlyList<PlanBlock> Preface { get; init; }
    /// <summary>The contact paragraph when the preface does not already give it.</summary>
    public PlanParagraph? Contact { get; init; }
    public required IReadOnlyList<PlanSection> Sections { get; init; }
}

/// <summary>A section: its heading (level 1), its narrative, and the mandated table that closes it.</summary>
public sealed record PlanSection(string? Key, string Heading, IReadOnlyList<PlanBlock> Blocks, PlanTable? Table);

public abstract record PlanBlock;

/// <summary>A subsection heading; <see cref="Level"/> 2 is "（一）", 3 is "1.", 4 is "（1）".</summary>
public sealed record PlanHeading(string Text, int Level) : PlanBlock;

/// <summary>A body paragraph: a run-in lead (styled by its level) and plain text, or plain text alone.</summary>
public sealed record PlanParagraph(IReadOnlyList<PlanRun> Runs) : PlanBlock
{
    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>A run of a paragraph. <see cref="LeadLevel"/> is 0 for body text, else the level whose style the lead takes.</summary>
public sealed record PlanRun(string Text, int LeadLevel = 0);

/// <summary>A mandated table with its data, and which rows must stay on the page of the row after them.</summary>
public sealed record PlanTable(TableDef Def, TableData? Data, IReadOnlyList<bool> KeepWithNext)
{
    /// <summary>The printed text of a layout cell: its label, or the published form of its value.</summary>
    public string CellText(LayoutCell cell) => CellText(cell, Data);

    public static string CellText(LayoutCell cell, TableData? data) =>
        cell.Data is { } r ? data?.Get(r.RowKey, r.Column)?.Display ?? "" : cell.Text ?? "";
}

/// <summary>How text is prepared for printing.</summary>
public sealed record PlanOptions
{
    /// <summary>Keep ASCII punctuation between Chinese characters as written (default: make it full-width).</summary>
    public bool KeepPunctuationAsWritten { get; init; }
}
