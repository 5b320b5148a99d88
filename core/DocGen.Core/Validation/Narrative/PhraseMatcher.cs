using System.Buffers;
using System.Text.RegularExpressions;
using DocGen.Core.Editions;

namespace DocGen.Core.Validation.Narrative;

/// <summary>A statement found in a paragraph: the phrase, its span in the folded text, the figure and any share after it.</summary>
internal sealed record Statement(NarrativePhrase Phrase, int Start, int End, int NumberStart, decimal? Value, int Decimals,
    StatedShare? Share, IReadOnlyList<FigureSum> Readings, int QuoteStart);

internal readonly record struct StatedShare(decimal Percent, int Decimals, int End);

/// <summary>
/// Finds the statements of <see cref="NarrativePhrases"/> in a paragraph. Precision comes first: a figure that
/// is approximate (余, 多, 约), a part (其中 before a total, 市级, 自然人), another year's, inside a 《title》, or
/// shared by two nouns ("行政复议、行政诉讼3件") is passed over.
/// </summary>
internal static class PhraseMatcher
{
    // \d takes full-width digits too; the figure's text is folded before it is parsed.
    private const string Number =
        $@"\s*(?<n>(?<![\d.．,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:[.．]\d+)?(?!\d)|(?<![{ChineseNumber.Characters}])[{ChineseNumber.Characters}]{{1,12}})";
    internal const string SentenceEnds = "。;；!！?？";
    internal const string ClauseEnds = ",，:：";
    private const string Gap = $@"[^{ClauseEnds}{SentenceEnds}\d]{{0,12}}?";
    private const string End = $"[{ClauseEnds}{SentenceEnds}]";

    // Wordings open with words, never with the figure: a leading figure makes every digit a candidate start (slow).
    // Interpreted, not RegexOptions.Compiled: compiling them cost 330 ms at the start of every process (one-shot
    // `docgen render`, a fresh service) and saved nothing measurable on a report's paragraphs (about 1.3 ms either way).
    private static readonly (NarrativePhrase Phrase, Wording[] Wordings)[] Compiled = NarrativePhrases.All
        .Select(p => (p, p.Wordings.Select(w => new Wording(new Regex(w.Replace("{n}", Number).Replace("{gap}", Gap).Replace("{end}", End),
            RegexOptions.CultureInvariant), w.Contains("{n}", StringComparison.Ordinal), AnchorInMatch(p), RequiredWords.Of(w))).ToArray()))
        .ToArray();

    /// <summary>
    /// A wording's regex; whether it reads a figure (then its clause holds a figure before a unit); whether its match holds
    /// the anchor (then its clause does), or the anchor may be a context word elsewhere in the sentence (then only the sentence
    /// does); and the words its match holds (<see cref="RequiredWords"/>), which its clause then holds too.
    /// </summary>
    private sealed record Wording(Regex Regex, bool Figure, bool AnchorInClause, string[][] Required);

    /// <summary>A phrase none of whose anchors is one of its context words: each wording's match holds an anchor (PhraseSearchTests).</summary>
    internal static bool AnchorInMatch(NarrativePhrase p) => !p.Anchors.Any(a => p.Contexts.Any(c => c.Word == a));

    /// <summary>Every phrase's anchors, each with the phrases it lets through, one bit a phrase.</summary>
    private static readonly WordSet Anchors = Compiled.Length <= 64
        ? new(NarrativePhrases.All.SelectMany(p => p.Anchors).Distinct().Select(a =>
            (a, Enumerable.Range(0, Compiled.Length).Where(i => Compiled[i].Phrase.Anchors.Contains(a)).Aggregate(0UL, (bits, i) => bits | 1UL << i))))
        : throw new InvalidOperationException("PhraseMatcher keeps a phrase a bit of a ulong: at most 64 phrases");

    /// <summary>The anchors of phrases with a wording that reads no figure (无行政复议, 均获维持): they mark a sentence to search on their own.</summary>
    private static readonly WordSet FigurelessAnchors = new(
        Compiled.Where(c => c.Wordings.Any(w => !w.Figure)).SelectMany(c => c.Phrase.Anchors).Distinct().Select(a => (a, 0UL)));

    /// <summary>The units a wording puts after its figure (件, 起, 宗, 个; 条 of 行政许可; 万元 of fees); a test holds the wordings to them.</summary>
    internal const string Units = "件起宗个条万";
    private static readonly SearchValues<char> UnitValues = SearchValues.Create(Units);
    private static readonly SearchValues<char> SentenceEndValues = SearchValues.Create(SentenceEnds);
    private static readonly SearchValues<char> ClauseEndValues = SearchValues.Create(ClauseEnds);
    private static readonly SearchValues<char> BoundaryValues = SearchValues.Create(ClauseEnds + SentenceEnds);

    private static ulong Anchored(ReadOnlySpan<char> text) => Anchors.Bits(text);

    /// <summary>
    /// A clause of a paragraph that may hold a statement: [<see cref="Start"/>, <see cref="End"/>) of the folded text, its
    /// clause or sentence end included, the phrases whose anchors it holds and those its sentence holds, and whether it
    /// holds a figure before a unit. No wording reads a clause end but the comma inside a figure ("1,195"), so every
    /// statement lies in one clause; the clauses of a sentence, not the sentence, are what the regexes read.
    /// </summary>
    private record struct Clause(int Start, int End, ulong Phrases, ulong SentencePhrases, bool Figure);

    private static readonly Regex ShareAfter = new($@"\G\s*(?:[,，]\s*(?:占比|占)|[(（]\s*(?:占比|占)?|占比|占)[^{ClauseEnds}{SentenceEnds}\d%％()（）]{{0,12}}?(?<p>{PeriodChecks.Digit}+(?:[.．]{PeriodChecks.Digit}+)?)\s*[%％]",
        RegexOptions.CultureInvariant);
    private static readonly Regex Year = new(PeriodChecks.YearPattern, RegexOptions.CultureInvariant);

    private static readonly string[] Approximate = ["余", "多", "以上", "左右", "上下"];
    private static readonly string[] ApproximateBefore = ["近", "约", "逾", "超", "不足", "不到", "将近"];
    /// <summary>Words before a figure in its clause that make it a part or another period's: the figure is not the table's.</summary>
    private static readonly string[] Scope =
    [
        "市本级", "本级", "市级", "县级", "区级", "省级", "乡镇", "街道", "县区", "各县", "各区", "市直", "区直", "县直",
        "上年", "去年", "上一年", "同比", "同期", "较", "已审结", "法人",
        .. RequestsTable.Columns.Take(RequestsTable.Columns.Length - 1).Select(c => c.Label).Where(l => l != "其他"),
    ];
    /// <summary>Words that, earlier in the sentence, make a total's figure a part ("其中市级收到申请218件").</summary>
    private static readonly string[] Subset = ["其中", "分别"];

    /// <summary>
    /// Whether a paragraph may hold a statement at all, decided with a few vectorised searches since most
    /// paragraphs hold none: a figure before a unit (15件, 二十三起; 行政许可…3条, 9.46万元), a claim without a figure
    /// (无行政复议, 均获维持), or a line break that may split either.
    /// </summary>
    public static bool MayHold(ReadOnlySpan<char> span)
    {
        // Three searches rather than seven: line breaks with the units of requests and cases (件, 起, 宗), then 行政 for
        // 行政复议, 行政诉讼 and the 表二 figures (条, 个 and 万(元) count only beside 行政), then 维持.
        for (int at = span.IndexOfAny(LineBreakOrCaseUnit); at >= 0;)
        {
            if (span[at] is '\r' or '\n' || FigureBefore(span, at)) return true;
            int next = span[(at + 1)..].IndexOfAny(LineBreakOrCaseUnit);
            at = next < 0 ? -1 : at + 1 + next;
        }
        bool administrative = false;
        for (int at = span.IndexOf("行政", StringComparison.Ordinal); at >= 0;)
        {
            administrative = true;
            var rest = span[(at + 2)..];
            if (rest.StartsWith("复议", StringComparison.Ordinal) || rest.StartsWith("诉讼", StringComparison.Ordinal)) return true;
            int next = rest.IndexOf("行政", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 2 + next;
        }
        return span.IndexOf("维持", StringComparison.Ordinal) >= 0 || (administrative && FigureBeforeUnit(span, '条', '个', '万'));
    }

    private const string LineBreakOrCaseUnit = "\r\n件起宗"; // five values: one vectorised search

    /// <summary><see cref="MayHold(ReadOnlySpan{char})"/> of a point's lead and body as one text, joined on the stack rather than in a new string.</summary>
    public static bool MayHold(NarrativeSource source)
    {
        if (source.Lead.Length == 0) return MayHold(source.Body);
        int length = source.Lead.Length + source.Body.Length;
        char[]? rented = length > 1024 ? ArrayPool<char>.Shared.Rent(length) : null;
        Span<char> text = rented ?? stackalloc char[length]; // only as long as needed: the stack is zeroed
        source.Lead.CopyTo(text);
        source.Body.CopyTo(text[source.Lead.Length..]);
        bool may = MayHold(text[..length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return may;
    }

    private static bool FigureBeforeUnit(ReadOnlySpan<char> text, char a, char b, char c)
    {
        for (int at = text.IndexOfAny(a, b, c); at >= 0;)
        {
            if (FigureBefore(text, at)) return true;
            int next = text[(at + 1)..].IndexOfAny(a, b, c);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    /// <summary>
    /// Whether a figure ends before the unit at <paramref name="unit"/>, with any white space between, as the wordings'
    /// <c>\s*</c> take it (a full-width space too: "15　件").
    /// </summary>
    private static bool FigureBefore(ReadOnlySpan<char> text, int unit)
    {
        int i = unit - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i >= 0 && (char.IsDigit(text[i]) || ChineseNumber.Characters.Contains(text[i]));
    }

    /// <summary>
    /// The statements of a paragraph, in order of place. A wording is run only over the clauses that hold an anchor of its
    /// phrase (or whose sentence does, for a context word), its <see cref="RequiredWords"/> and, when it reads a figure, a
    /// figure before a unit: no wording reads a clause end but a figure's comma, so this finds what a scan of the whole
    /// paragraph finds, while most of a long paragraph is never read by a regex. <paramref name="wholeParagraph"/> runs
    /// every wording over all of it, with none of these filters (the tests' oracle).
    /// </summary>
    public static IReadOnlyList<Statement> Find(NarrativeParagraph paragraph, int reportYear, bool wholeParagraph = false)
    {
        string t = paragraph.Folded;
        Span<Clause> clauses = stackalloc Clause[32];
        if (wholeParagraph) clauses[0] = new Clause(0, t.Length, ~0UL, ~0UL, true); // every wording over all of it
        clauses = wholeParagraph ? clauses[..1] : Clauses(t, clauses);
        List<Statement>? found = null; // most paragraphs state nothing
        for (int i = 0; i < Compiled.Length; i++)
        {
            var (phrase, wordings) = Compiled[i];
            ulong bit = 1UL << i;
            foreach (var wording in wordings)
            {
                // Runs of adjacent clauses are searched together: the regex sees them as the whole input, which is
                // safe since a run starts after a clause end (no lookbehind of a wording takes one) and ends after one.
                for (int k = 0; k < clauses.Length;)
                {
                    if (!wholeParagraph && !Searched(t, clauses[k], bit, wording)) { k++; continue; }
                    int start = clauses[k].Start, end = clauses[k].End;
                    while (++k < clauses.Length && clauses[k].Start == end && Searched(t, clauses[k], bit, wording)) end = clauses[k].End;
                    for (var m = wording.Regex.Match(t, start, end - start); m.Success; m = m.NextMatch())
                        if (Read(phrase, m, t, reportYear) is { } s) (found ??= []).Add(s);
                }
            }
        }
        if (found is null) return Array.Empty<Statement>();
        if (found.Count < 2) return found;
        // Two wordings reading the same figure: the longer one ("予以公开和部分公开共40件" over "部分公开共40件").
        // Done by hand: a paragraph has a few statements, and this runs for most paragraphs of a long narrative.
        var kept = new List<Statement>(found.Count);
        foreach (var s in found)
        {
            int i = 0;
            while (i < kept.Count && !SameFigure(kept[i], s)) i++;
            if (i == kept.Count) kept.Add(s);
            else if (s.Start < kept[i].Start || (s.Start == kept[i].Start && s.End > kept[i].End)) kept[i] = s;
        }
        // In order of place; a stable insertion sort, since statements starting together keep the phrases' order.
        for (int i = 1; i < kept.Count; i++)
            for (int j = i; j > 0 && kept[j - 1].Start > kept[j].Start; j--)
                (kept[j - 1], kept[j]) = (kept[j], kept[j - 1]);
        return kept;
    }

    private static bool Searched(string t, in Clause c, ulong phrase, Wording wording) =>
        ((wording.AnchorInClause ? c.Phrases : c.SentencePhrases) & phrase) != 0 && (c.Figure || !wording.Figure)
        && RequiredWords.HeldBy(t.AsSpan(c.Start, c.End - c.Start), wording.Required);

    /// <summary>
    /// The clauses of <paramref name="t"/> a statement may lie in, in order: those of the sentences holding a figure before a
    /// unit or the anchor of a figureless wording, and some phrase's anchor, that hold a figure before a unit or an anchor.
    /// Only these sentences are searched for anchors.
    /// </summary>
    private static Span<Clause> Clauses(string t, Span<Clause> buffer)
    {
        int count = 0, from = 0;
        int figure = NextFigureUnit(t, 0), figureless = FigurelessAnchors.IndexIn(t.AsSpan());
        while (from < t.Length)
        {
            if (figure >= 0 && figure < from) figure = NextFigureUnit(t, from);
            if (figureless >= 0 && figureless < from)
                figureless = FigurelessAnchors.IndexIn(t.AsSpan(from)) is var f and >= 0 ? from + f : -1;
            int at = figure < 0 ? figureless : figureless < 0 ? figure : Math.Min(figure, figureless);
            if (at < 0) break;
            int start = from + t.AsSpan(from, at - from).LastIndexOfAny(SentenceEndValues) + 1;
            int end = t.AsSpan(at).IndexOfAny(SentenceEndValues) is var e and >= 0 ? at + e + 1 : t.Length;
            int first = count;
            ulong phrases = 0;
            for (int c = start; c < end;)
            {
                int ce = ClauseEnd(t, c, end);
                ulong bits = Anchored(t.AsSpan(c, ce - c));
                if (figure >= 0 && figure < c) figure = NextFigureUnit(t, c);
                bool hasFigure = figure >= 0 && figure < ce;
                if (bits != 0 || hasFigure)
                {
                    if (count == buffer.Length) buffer = Grow(buffer);
                    buffer[count++] = new Clause(c, ce, bits, 0, hasFigure);
                }
                phrases |= bits;
                c = ce;
            }
            if (phrases == 0) count = first; // no phrase's anchor in the sentence: nothing to search
            else
                for (int c = first; c < count; c++) buffer[c].SentencePhrases = phrases;
            from = end;
        }
        return buffer[..count];
    }

    /// <summary>
    /// The index just after the clause end at or after <paramref name="from"/>, before <paramref name="end"/> (or <paramref name="end"/>):
    /// a comma between digits is part of a figure, not a clause end.
    /// </summary>
    private static int ClauseEnd(string t, int from, int end)
    {
        while (from < end)
        {
            int at = t.AsSpan(from, end - from).IndexOfAny(BoundaryValues);
            if (at < 0) return end;
            at += from;
            if (!(t[at] == ',' && at > 0 && at + 1 < t.Length && char.IsDigit(t[at - 1]) && char.IsDigit(t[at + 1]))) return at + 1;
            from = at + 1;
        }
        return end;
    }

    private static Span<Clause> Grow(Span<Clause> buffer)
    {
        var larger = new Clause[buffer.Length * 2];
        buffer.CopyTo(larger);
        return larger;
    }

    /// <summary>The index of the next unit at or after <paramref name="from"/> with a figure before it (spaces between), or -1.</summary>
    private static int NextFigureUnit(string t, int from)
    {
        while (from < t.Length)
        {
            int at = t.AsSpan(from).IndexOfAny(UnitValues);
            if (at < 0) return -1;
            at += from;
            if (FigureBefore(t, at)) return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>The same figure read twice (the same number), or the same figureless claim at the same place.</summary>
    private static bool SameFigure(Statement a, Statement b) =>
        a.Value is null == b.Value is null && (a.Value is null ? a.Start == b.Start && a.Phrase.Id == b.Phrase.Id : a.NumberStart == b.NumberStart);

    private static Statement? Read(NarrativePhrase phrase, Match m, string t, int reportYear)
    {
        int start = m.Index, end = m.Index + m.Length;
        int sentence = LastBoundary(t, start, SentenceEndValues);
        int clause = Math.Max(sentence, LastBoundary(t, start, ClauseEndValues));
        var sentencePrefix = t.AsSpan(sentence, start - sentence);
        var clausePrefix = t.AsSpan(clause, start - clause);

        if (StartsWithAny(t.AsSpan(end), Approximate)) return null;
        if (Holds(clausePrefix, Scope)) return null;
        if (!phrase.Part && Holds(sentencePrefix, Subset)) return null;
        if (sentencePrefix.Count('《') > sentencePrefix.Count('》')) return null;
        if (sentencePrefix.Contains('年'))
            foreach (var y in Year.EnumerateMatches(sentencePrefix))
                if (YearAt(sentencePrefix.Slice(y.Index, 4)) != reportYear) return null;
        // "行政复议、行政诉讼3件": the figure counts both nouns, unless the clause already gave the first its own.
        if (start > clause && "、和及与或".Contains(t[start - 1]) && clausePrefix.IndexOfAnyInRange('0', '9') < 0 && clausePrefix.IndexOfAnyInRange('０', '９') < 0) return null;

        decimal? value = null;
        int decimals = 0, numberStart = start;
        var n = m.Groups["n"];
        if (n.Success)
        {
            numberStart = n.Index;
            var before = t.AsSpan(clause, numberStart - clause).TrimEnd();
            foreach (var a in ApproximateBefore)
                if (before.EndsWith(a, StringComparison.Ordinal)) return null;
            var figure = n.ValueSpan;
            value = ChineseNumber.Parse(figure);
            if (value is null) return null;
            int dot = figure.IndexOfAny('.', '．');
            decimals = dot < 0 ? 0 : figure.Length - dot - 1;
        }
        else if (phrase.Claim is NarrativeClaim.Count or NarrativeClaim.Money) return null;

        var readings = phrase.Readings;
        int quoteStart = clause;
        if (phrase.Contexts.Count > 0)
        {
            int best = -1;
            PhraseContext? context = null;
            foreach (var c in phrase.Contexts)
            {
                int i = t.LastIndexOf(c.Word, numberStart, numberStart - sentence, StringComparison.Ordinal);
                if (i >= 0 && (i > best || (i == best && c.Word.Length > context!.Word.Length))) (best, context) = (i, c);
            }
            if (context is null) return null;
            readings = context.Readings;
            quoteStart = Math.Min(clause, Math.Max(sentence, LastBoundary(t, best, ClauseEndValues)));
        }

        StatedShare? share = null;
        if (value is not null && phrase.ShareOf.Count > 0 && ShareAfter.Match(t, end) is { Success: true } sm)
        {
            var p = NarrativeParagraph.Fold(sm.Groups["p"].Value);
            int dot = p.IndexOf('.');
            share = new StatedShare(decimal.Parse(p, System.Globalization.CultureInfo.InvariantCulture), dot < 0 ? 0 : p.Length - dot - 1, sm.Index + sm.Length);
        }
        return new Statement(phrase, start, end, numberStart, value, decimals, share, readings, quoteStart);
    }

    /// <summary>The year of four digits, half- or full-width.</summary>
    private static int YearAt(ReadOnlySpan<char> digits)
    {
        Span<char> folded = stackalloc char[digits.Length];
        NarrativeParagraph.Fold(digits, folded);
        return int.Parse(folded, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var w in words)
            if (text.StartsWith(w, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool Holds(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var w in words)
            if (text.IndexOf(w, StringComparison.Ordinal) >= 0) return true;
        return false;
    }

    /// <summary>The index just after the last of <paramref name="boundaries"/> before <paramref name="index"/> (0 if none).</summary>
    private static int LastBoundary(string t, int index, SearchValues<char> boundaries) =>
        index <= 0 ? 0 : t.AsSpan(0, index).LastIndexOfAny(boundaries) + 1;
}
