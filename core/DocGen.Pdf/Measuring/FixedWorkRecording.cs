namespace DocGen.Pdf.Measuring;

/// <summary>
/// The work whose output the PDF's bytes fix: hb-subset's subsets, asked for exactly as <see cref="FontSubsetter"/>
/// asks for them (glyph ids or code points, the same flags and dropped tables), and the deflate of every stream the
/// file compresses (font programs, content streams, ToUnicode maps) at the level used, and the hash the file's /ID is
/// made of. While a recording is active
/// on a thread, each such call the renderer makes there is kept with its input, its output and the thread's CPU time
/// it took; <see cref="Replay"/> makes the same calls again, alone, and checks they give the same bytes. That is the
/// floor under a report's cost that no change keeping the bytes can go below. A subset the cache already held is no
/// call, so it costs nothing here either. Off (one null test per call) unless started.
/// </summary>
public sealed class FixedWorkRecording : IDisposable
{
    internal const string FontPrograms = "deflate: font programs";
    internal const string ContentStreams = "deflate: content streams";
    internal const string ToUnicodeMaps = "deflate: ToUnicode maps";
    internal const string FileId = "SHA-256 of the file for its /ID";

    [ThreadStatic] private static FixedWorkRecording? t_active;
    private readonly List<Call> _calls = [];

    private FixedWorkRecording() { }

    /// <summary>Records the fixed work of what this thread renders until disposed.</summary>
    public static FixedWorkRecording Start()
    {
        if (t_active is not null) throw new InvalidOperationException("A fixed-work recording is already active on this thread.");
        return t_active = new FixedWorkRecording();
    }

    /// <summary>The recording active on this thread, if any.</summary>
    internal static FixedWorkRecording? Active => t_active;

    private readonly Dictionary<string, double> _phases = new(StringComparer.Ordinal);

    /// <summary>The thread's CPU time in each phase of the renders (layout, writing), fixed work included: the whole it is part of.</summary>
    public IReadOnlyDictionary<string, double> Phases => _phases;

    /// <summary>Runs one phase of a render, adding its CPU time to <see cref="Phases"/>.</summary>
    internal static T Phase<T>(string name, Func<T> run)
    {
        if (t_active is not { } recording) return run();
        double start = ThreadCpu.Milliseconds();
        var result = run();
        recording._phases[name] = recording._phases.GetValueOrDefault(name) + ThreadCpu.Milliseconds() - start;
        return result;
    }

    /// <summary>The parts recorded so far, in order of first call, with the CPU time they took inside the renders.</summary>
    public IReadOnlyList<FixedWorkPart> Recorded => Sum(_calls.Select(c => (c, c.CpuMs)));

    /// <summary>Runs <paramref name="run"/>, times it and keeps it, to be made again by <see cref="Replay"/>.</summary>
    /// <param name="size">What the part counts its input in (glyphs of a subset, bytes of a deflate).</param>
    /// <param name="preprocessed">For a subset: the same call against the face after <c>hb_subset_preprocess</c>, as the renderer makes it then.</param>
    internal T Record<T>(string part, long size, Func<T> run, Func<T, byte[]> bytes, (LoadedFace Face, Func<T> Run)? preprocessed = null)
    {
        double start = ThreadCpu.Milliseconds();
        var result = run();
        double ms = ThreadCpu.Milliseconds() - start;
        Func<byte[]>? again = preprocessed is var (face, other) ? () => bytes(other()) : null;
        _calls.Add(new Call(part, size, () => bytes(run()), bytes(result), ms, preprocessed?.Face, again));
        return result;
    }

    /// <summary>
    /// Runs <c>hb_subset_preprocess</c> on every face a recorded subset came from (what a long-running renderer does in
    /// the background, 1.5–4 s a CJK face); returns the thread's CPU time it took. Then <see cref="Replay"/> with
    /// <c>preprocessed</c> makes the subsets as the renderer makes them from such a face, for the same bytes.
    /// </summary>
    public double PreprocessFaces()
    {
        double start = ThreadCpu.Milliseconds();
        foreach (var face in _calls.Select(c => c.Face).OfType<LoadedFace>().Distinct()) face.Preprocess();
        return ThreadCpu.Milliseconds() - start;
    }

    /// <summary>
    /// Makes every recorded call again on this thread, in the recorded order, and sums its CPU time by part. A call
    /// whose output differs from the render's is counted in <see cref="FixedWorkReplay.Mismatches"/>.
    /// </summary>
    public FixedWorkReplay Replay(bool preprocessed = false)
    {
        if (t_active == this) throw new InvalidOperationException("Dispose the recording before replaying it.");
        if (preprocessed && _calls.Any(c => c.Face is { IsPreprocessed: false })) throw new InvalidOperationException("Call PreprocessFaces first.");
        var times = new List<(Call, double)>(_calls.Count);
        int mismatches = 0;
        foreach (var call in _calls)
        {
            double start = ThreadCpu.Milliseconds();
            var output = ((preprocessed ? call.RunPreprocessed : null) ?? call.Run)();
            times.Add((call, ThreadCpu.Milliseconds() - start));
            if (!output.AsSpan().SequenceEqual(call.Output)) mismatches++;
        }
        return new FixedWorkReplay(Sum(times), mismatches);
    }

    public void Dispose()
    {
        if (t_active == this) t_active = null;
    }

    private static List<FixedWorkPart> Sum(IEnumerable<(Call Call, double Ms)> timed)
    {
        var parts = new List<FixedWorkPart>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (call, ms) in timed)
        {
            if (!index.TryGetValue(call.Part, out int i))
            {
                index[call.Part] = i = parts.Count;
                parts.Add(new FixedWorkPart(call.Part, 0, 0, 0, 0));
            }
            var p = parts[i];
            parts[i] = p with { Calls = p.Calls + 1, InputSize = p.InputSize + call.Size, OutputBytes = p.OutputBytes + call.Output.Length, CpuMs = p.CpuMs + ms };
        }
        return parts;
    }

    private sealed record Call(string Part, long Size, Func<byte[]> Run, byte[] Output, double CpuMs, LoadedFace? Face, Func<byte[]>? RunPreprocessed);
}

/// <summary>One part of the fixed work: its calls, their input (glyphs for a subset, bytes for a deflate), output and CPU time.</summary>
public sealed record FixedWorkPart(string Name, int Calls, long InputSize, long OutputBytes, double CpuMs);

/// <summary>A replay: the CPU time of each part, and how many calls gave other bytes than in the render (0, or the floor is not the renderer's).</summary>
public sealed record FixedWorkReplay(IReadOnlyList<FixedWorkPart> Parts, int Mismatches);
