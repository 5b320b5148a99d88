using System.Collections.Concurrent;
using DocGen.Core.Model;
using DocGen.Core.Rendering;

namespace DocGen.Core.Validation;

/// <summary>
/// Warns about half-width punctuation between Chinese characters (",", ":", "(一)" copied from web pages) next to
/// the format's full-width "，" and "（一）". Rendering makes them full-width unless told to keep the text as written.
/// </summary>
internal static class PunctuationChecks
{
    public const string Code = "MIXED_PUNCTUATION";

    public static void Check(Report report, FindingList findings) =>
        TextChecks.EachText(report, (text, place) =>
        {
            if (text is null) return;
            Span<char> marks = stackalloc char[Punctuation.MarkCount];
            int count = Punctuation.ChangedMarks(text, marks);
            if (count == 0) return;
            findings.Add(Finding.Warning(Code, place.Pointer, Message(marks[..count])));
        });

    /// <summary>One message per set of marks: a long narrative copied from a web page may have a finding in every paragraph.</summary>
    private static string Message(ReadOnlySpan<char> marks)
    {
        if (MessagesByMarks.TryGetValue(marks, out var message)) return message;
        string m = marks.ToString();
        return Messages.GetOrAdd(m, $"中文里夹有半角标点“{m}”，与全角标点混用；生成文档时改为全角（可选择保留原样）");
    }

    private static readonly ConcurrentDictionary<string, string> Messages = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> MessagesByMarks =
        Messages.GetAlternateLookup<ReadOnlySpan<char>>();
}
