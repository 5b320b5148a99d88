using System.Buffers.Binary;
using System.IO.Compression;
using DocGen.Pdf.Measuring;

namespace DocGen.Cli.Commands.Bench;

/// <summary>
/// The .docx side of the floor: a package's entries with their data and the deflated bytes the Word writer stored,
/// and those entries zipped again the way it zips them (ZipArchive, <see cref="CompressionLevel.Optimal"/>), timed
/// entry by entry on the thread's CPU clock and checked to give the same deflated bytes.
/// </summary>
internal static class DocxEntries
{
    internal sealed record Entry(string Name, byte[] Data, byte[] Stored);

    public static List<Entry> Read(byte[] docx)
    {
        var stored = StoredData(docx);
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return new Entry(e.FullName, ms.ToArray(), stored[e.FullName]);
        }).ToList();
    }

    /// <summary>Entry names whose data is the same in every package.</summary>
    public static HashSet<string> SameInEvery(IReadOnlyList<List<Entry>> packages)
    {
        var first = packages[0].ToDictionary(e => e.Name, e => e.Data, StringComparer.Ordinal);
        return packages.Skip(1).Aggregate(first.Keys.ToHashSet(StringComparer.Ordinal), (same, package) =>
        {
            var data = package.ToDictionary(e => e.Name, e => e.Data, StringComparer.Ordinal);
            same.RemoveWhere(name => !data.TryGetValue(name, out var d) || !d.AsSpan().SequenceEqual(first[name]));
            return same;
        });
    }

    /// <summary>Zips every package again; the CPU time of the entries that differ and of those the same in all, and how many came out other than stored.</summary>
    public static (FixedWorkPart Varying, FixedWorkPart Same, int Mismatches) Rezip(IReadOnlyList<List<Entry>> packages, HashSet<string> same)
    {
        var varying = new FixedWorkPart("", 0, 0, 0, 0);
        var constant = varying;
        int mismatches = 0;
        foreach (var package in packages)
        {
            using var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var entry in package)
                {
                    double start = ThreadCpu.Milliseconds();
                    using (var s = zip.CreateEntry(entry.Name, CompressionLevel.Optimal).Open()) s.Write(entry.Data);
                    double ms = ThreadCpu.Milliseconds() - start;
                    ref var part = ref same.Contains(entry.Name) ? ref constant : ref varying;
                    part = part with { Calls = part.Calls + 1, InputSize = part.InputSize + entry.Data.Length, OutputBytes = part.OutputBytes + entry.Stored.Length, CpuMs = part.CpuMs + ms };
                }
            var again = StoredData(output.ToArray());
            mismatches += package.Count(e => !again[e.Name].AsSpan().SequenceEqual(e.Stored));
        }
        return (varying, constant, mismatches);
    }

    /// <summary>Each entry's stored (deflated) bytes, read from the local file headers in order.</summary>
    private static Dictionary<string, byte[]> StoredData(byte[] zip)
    {
        var stored = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int at = 0;
        while (at + 30 <= zip.Length && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) == 0x04034b50)
        {
            var header = zip.AsSpan(at);
            if ((BinaryPrimitives.ReadUInt16LittleEndian(header[6..]) & 8) != 0)
                throw new InvalidOperationException("zip entry with a data descriptor: its stored length is not in the local header");
            int size = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(header[18..]));
            int name = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]), extra = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            string entryName = System.Text.Encoding.UTF8.GetString(header.Slice(30, name));
            int data = at + 30 + name + extra;
            stored[entryName] = zip.AsSpan(data, size).ToArray();
            at = data + size;
        }
        return stored;
    }
}
