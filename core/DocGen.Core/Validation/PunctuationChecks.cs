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

    public static void Check(Report report, List<Finding> findings) =>
        TextChecks.EachText(report, (text, pointer) =>
        {
            if (text is null) return;
            string wide = Punctuation.Normalise(text); // one character for one: the changed ones are the marks
            if (ReferenceEquals(wide, text)) return;
            var marks = string.Concat(text.Where((c, i) => wide[i] != c).Distinct());
            findings.Add(Finding.Warning(Code, pointer,
                $"中文里夹有半角标点“{marks}”，与全角标点混用；生成文档时改为全角（可选择保留原样）"));
        });
}
