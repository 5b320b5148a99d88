namespace DocGen.Pdf;

/// <summary>A document: page setup, metadata and a flow of blocks laid out top to bottom.</summary>
public sealed class PdfDocumentModel
{
    /// <summary>Paper, text block and page numbers.</summary>
    public PageSetup Page { get; set; } = PageSetup.GbT9704();
    /// <summary>Metadata.</summary>
    public DocumentInfo Info { get; set; } = new();
    /// <summary>Content, in reading order.</summary>
    public List<Block> Blocks { get; } = [];

    /// <summary>Appends a block; returns this for chaining.</summary>
    public PdfDocumentModel Add(Block block) { Blocks.Add(block); return this; }
}

/// <summary>A unit of the flow: <see cref="ParagraphBlock"/>, <see cref="TableBlock"/> or <see cref="PageBreakBlock"/>.</summary>
public abstract class Block
{
    /// <summary>Never leave this block alone at the bottom of a page: move it with the start of the next one.</summary>
    public bool KeepWithNext { get; set; }
}

/// <summary>Starts a new page.</summary>
public sealed class PageBreakBlock : Block;

/// <summary>A bookmark in the PDF outline, pointing at the block that carries it.</summary>
/// <param name="Title">Text shown in the viewer's bookmark panel.</param>
/// <param name="Level">0 for top level, 1 for its children, and so on.</param>
public sealed record OutlineEntry(string Title, int Level = 0);
