using DocGen.Core.Model;

namespace DocGen.Core.Import;

/// <summary>
/// One thing the importer noticed: the 1-based line of the source text (0 when it concerns the whole
/// text), a stable English code, a message in Chinese, and whether it is an error (something could not
/// be read and is missing from the report) or a warning (read, but check it).
/// </summary>
public sealed record ImportIssue(int Line, string Code, string Message, bool IsError)
{
    public override string ToString() =>
        $"{(IsError ? "错误" : "警告")} {Code} {(Line > 0 ? $"第{Line}行" : "全文")}：{Message}";
}

/// <summary>
/// What the importer could read: the report (null only when the text holds nothing to read) and every
/// issue, in source order. The report never holds a value the text does not give.
/// </summary>
public sealed record ImportResult(Report? Report, IReadOnlyList<ImportIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);
}
