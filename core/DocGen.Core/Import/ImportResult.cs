using DocGen.Core.Model;

namespace DocGen.Core.Import;

/// <summary>
/// One thing the importer noticed: the 1-based line of the source text (0 when it concerns the whole
/// text), a stable English code, a message in Chinese, and whether it is an error (something could not
/// be read and is missing from the report) or a warning (read, but check it). <see cref="Where"/> names the
/// place in a source that has no lines (a Word table cell, a web page's table), when the reader knows it.
/// </summary>
public sealed record ImportIssue(int Line, string Code, string Message, bool IsError)
{
    public string? Where { get; init; }

    public string Place => Where ?? (Line > 0 ? $"第{Line}行" : "全文");

    public override string ToString() =>
        $"{(IsError ? "错误" : "警告")} {Code} {Place}：{Message}";
}

/// <summary>
/// What the importer could read: the report (null only when the text holds nothing to read) and every
/// issue, in source order. The report never holds a value the text does not give.
/// </summary>
public sealed record ImportResult(Report? Report, IReadOnlyList<ImportIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);
}
