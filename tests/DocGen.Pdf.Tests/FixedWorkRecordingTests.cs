using System.Text;
using DocGen.Pdf.Fonts;
using DocGen.Pdf.Measuring;

namespace DocGen.Pdf.Tests;

/// <summary>The bench's floor records exactly the calls the renderer makes whose output the bytes fix, and replays them to the same bytes.</summary>
public class FixedWorkRecordingTests
{
    [Fact]
    public void A_render_records_each_subset_and_every_compressed_stream_and_replays_them_to_the_same_bytes()
    {
        using var fonts = new FontResolver(new FontResolverOptions());
        var plain = PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), fonts, out _);

        using var freshFonts = new FontResolver(new FontResolverOptions());
        byte[] recorded;
        RenderResult result;
        var recording = FixedWorkRecording.Start();
        try { recorded = PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), freshFonts, out result); }
        finally { recording.Dispose(); }

        Assert.Equal(plain, recorded); // recording changes nothing
        var parts = recording.Recorded.ToDictionary(p => p.Name);
        int faces = result.EmbeddedFonts.Count;
        Assert.True(faces >= 2);
        var subsets = parts.Values.Where(p => p.Name.StartsWith("hb-subset: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(faces, subsets.Sum(p => p.Calls));
        Assert.Equal(result.EmbeddedFonts.Sum(f => f.GlyphCount + 1), subsets.Sum(p => p.InputSize)); // .notdef is asked for too
        Assert.Equal(faces, parts[FixedWorkRecording.FontPrograms].Calls);
        Assert.Equal(faces, parts[FixedWorkRecording.ToUnicodeMaps].Calls);
        Assert.Equal(result.PageCount, parts[FixedWorkRecording.ContentStreams].Calls);
        Assert.Equal(1, parts[FixedWorkRecording.FileId].Calls);
        // Every compressed stream of the file is one recorded deflate, and its output is in the file.
        int deflates = parts.Values.Where(p => p.Name.StartsWith("deflate: ", StringComparison.Ordinal)).Sum(p => p.Calls);
        Assert.Equal(Count(recorded, "/FlateDecode"), deflates);
        Assert.True(parts.Values.Where(p => p.Name.StartsWith("deflate: ", StringComparison.Ordinal)).Sum(p => p.OutputBytes) < recorded.Length);

        var replay = recording.Replay();
        Assert.Equal(0, replay.Mismatches);
        Assert.Equal(recording.Recorded.Select(p => (p.Name, p.Calls)), replay.Parts.Select(p => (p.Name, p.Calls)));
        Assert.All(replay.Parts.Where(p => p.Name.StartsWith("hb-subset", StringComparison.Ordinal)), p => Assert.True(p.CpuMs > 0));
    }

    [Fact]
    public void A_subset_the_cache_holds_is_no_call()
    {
        using var fonts = new FontResolver(new FontResolverOptions());
        PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), fonts, out _);
        var recording = FixedWorkRecording.Start();
        try { PdfRenderer.RenderToBytes(Fixtures.SampleReport(2), fonts, out _); }
        finally { recording.Dispose(); }
        var names = recording.Recorded.Select(p => p.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("hb-subset", StringComparison.Ordinal));
        Assert.DoesNotContain(FixedWorkRecording.FontPrograms, names);
        Assert.Contains(FixedWorkRecording.ContentStreams, names);
    }

    [Fact]
    public void Only_the_thread_that_started_it_is_recorded()
    {
        var recording = FixedWorkRecording.Start();
        try
        {
            Assert.Throws<InvalidOperationException>(FixedWorkRecording.Start);
            var other = new Thread(() => PdfRenderer.RenderToBytes(Fixtures.SampleReport(1), Fixtures.Fonts, out _));
            other.Start();
            other.Join();
            Assert.Empty(recording.Recorded);
        }
        finally { recording.Dispose(); }
        Assert.Null(FixedWorkRecording.Active);
    }

    private static int Count(byte[] pdf, string token)
    {
        var text = Encoding.Latin1.GetString(pdf);
        int n = 0;
        for (int at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
