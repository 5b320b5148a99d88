using DocGen.Pdf.Fonts;
using System.Collections.Concurrent;

namespace DocGen.Pdf;

/// <summary>
/// Finds font files by family name (user folders first, then the system's), loads each face
/// once and keeps it for the life of the resolver. Create one per process and share it:
/// it is thread-safe and caches faces and font subsets.
/// </summary>
public sealed class FontResolver : IDisposable
{
    private static readonly string[] Extensions = [".ttf", ".otf", ".ttc", ".otc"];
    private readonly FontResolverOptions _options;
    private readonly Lazy<IReadOnlyList<FaceInfo>> _index;
    private readonly ConcurrentDictionary<(string, int), LoadedFace> _faces = new();
    private readonly ConcurrentDictionary<FontRole, IReadOnlyList<LoadedFace>> _chains = new();
    private readonly ConcurrentDictionary<LoadedFace, LoadedFace?> _bold = new();
    private readonly object _loadGate = new();
    private Task _preprocessing = Task.CompletedTask;

    /// <summary>Creates a resolver; folders are indexed on first use.</summary>
    public FontResolver(FontResolverOptions? options = null)
    {
        _options = options ?? new FontResolverOptions();
        _index = new Lazy<IReadOnlyList<FaceInfo>>(BuildIndex);
        SubsetCache = new SubsetCache(_options.RetainGlyphIdsInSubsets);
    }

    /// <summary>Completes when every face loaded so far has been preprocessed (see <see cref="FontResolverOptions.PreprocessFacesForSubsetting"/>).</summary>
    public Task Preprocessing { get { lock (_loadGate) return _preprocessing; } }

    /// <summary>Subsets already made by this resolver, keyed by face and glyph set.</summary>
    internal SubsetCache SubsetCache { get; }

    /// <summary>All faces found in the font folders, user folders first.</summary>
    public IReadOnlyList<FaceInfo> AvailableFaces => _index.Value;

    /// <summary>
    /// Finds the best face for a name: an exact full name ("Noto Serif CJK SC Bold"), else a
    /// family name ("仿宋", "Noto Serif CJK SC") preferring the Regular face, else a file name
    /// without extension ("simfang"). Earlier folders win ties. Null when nothing matches.
    /// </summary>
    public FaceInfo? FindFace(string name)
    {
        FaceInfo? best = null;
        int bestScore = 0;
        foreach (var f in _index.Value)
        {
            int score = 0;
            if (f.FullNames.Contains(name, StringComparer.OrdinalIgnoreCase)) score = 4;
            else if (f.FamilyNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                score = IsRegular(f.SubfamilyName) ? 3 : 1;
            else if (string.Equals(Path.GetFileNameWithoutExtension(f.Path), name, StringComparison.OrdinalIgnoreCase))
                score = 2;
            if (score > bestScore) { best = f; bestScore = score; }
        }
        return best;
    }

    /// <summary>Loads (once) the face described by <paramref name="info"/>.</summary>
    public LoadedFace Load(FaceInfo info)
    {
        var key = (info.Path, info.FaceIndex);
        if (_faces.TryGetValue(key, out var face)) return face;
        lock (_loadGate)
        {
            if (_faces.TryGetValue(key, out face)) return face;
            face = new LoadedFace(info);
            _faces[key] = face;
            if (_options.PreprocessFacesForSubsetting)
            {
                // One face after another on a thread of their own: never in front of a render, never all at once.
                var loaded = face;
                _preprocessing = _preprocessing.ContinueWith(_ => loaded.Preprocess(), CancellationToken.None,
                    TaskContinuationOptions.LongRunning, TaskScheduler.Default);
            }
            return face;
        }
    }

    /// <summary>The faces found for a role, in chain order (may be empty).</summary>
    public IReadOnlyList<LoadedFace> ResolveChain(FontRole role) => _chains.GetOrAdd(role, r =>
    {
        var list = new List<LoadedFace>();
        if (_options.Chains.TryGetValue(r, out var names))
            foreach (var n in names)
                if (FindFace(n) is { } info && Load(info) is var lf && !list.Contains(lf)) list.Add(lf);
        return list;
    });

    /// <summary>
    /// The face that serves a role: the first of its chain found, else the first face of any
    /// other role. Throws <see cref="FontNotFoundException"/> when no role has a face at all.
    /// </summary>
    public LoadedFace Primary(FontRole role)
    {
        var chain = ResolveChain(role);
        if (chain.Count > 0) return chain[0];
        foreach (var r in Enum.GetValues<FontRole>())
            if (ResolveChain(r) is { Count: > 0 } other) return other[0];
        throw new FontNotFoundException(role, _options.Chains.GetValueOrDefault(role) ?? []);
    }

    /// <summary>
    /// Faces tried, in order, for a character of the role: the role's chain, then every face
    /// of the other roles' chains.
    /// </summary>
    public IReadOnlyList<LoadedFace> FallbackOrder(FontRole role)
    {
        var list = new List<LoadedFace>(ResolveChain(role));
        foreach (var r in Enum.GetValues<FontRole>())
            foreach (var f in ResolveChain(r))
                if (!list.Contains(f)) list.Add(f);
        if (list.Count == 0) list.Add(Primary(role));
        return list;
    }

    /// <summary>A real bold face of the same family ("X Bold" or family X with a Bold subfamily), else null.</summary>
    public LoadedFace? BoldOf(LoadedFace regular) => _bold.GetOrAdd(regular, r =>
    {
        if (r.Info.SubfamilyName.Contains("Bold", StringComparison.OrdinalIgnoreCase)) return r;
        foreach (var fam in r.Info.FamilyNames)
        {
            foreach (var f in _index.Value)
            {
                bool sameFamilyBold = f.FamilyNames.Contains(fam, StringComparer.OrdinalIgnoreCase)
                                      && string.Equals(f.SubfamilyName, "Bold", StringComparison.OrdinalIgnoreCase);
                bool fullBold = f.FullNames.Contains(fam + " Bold", StringComparer.OrdinalIgnoreCase);
                if (sameFamilyBold || fullBold) return Load(f);
            }
        }
        return null;
    });

    private static bool IsRegular(string sub) =>
        sub.Equals("Regular", StringComparison.OrdinalIgnoreCase) || sub.Equals("Normal", StringComparison.OrdinalIgnoreCase)
        || sub.Equals("Book", StringComparison.OrdinalIgnoreCase) || sub.Equals("Roman", StringComparison.OrdinalIgnoreCase);

    private IReadOnlyList<FaceInfo> BuildIndex()
    {
        var dirs = new List<string>(_options.UserFontDirectories);
        if (_options.IncludeSystemFonts)
            dirs.AddRange(_options.SystemFontDirectories ?? FontResolverOptions.DefaultSystemFontDirectories());
        var faces = new List<FaceInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in dirs)
        {
            if (!Directory.Exists(dir)) continue;
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .OrderBy(f => f, StringComparer.Ordinal); // stable choice between equal names
            }
            catch (IOException) { continue; }
            foreach (var file in files)
            {
                if (!seen.Add(Path.GetFullPath(file))) continue;
                try { faces.AddRange(FontFileReader.ReadFaces(file)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or EndOfStreamException)
                { /* unreadable or broken font file: skip it */ }
            }
        }
        return faces;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var f in _faces.Values) f.Dispose();
        _faces.Clear();
    }
}

/// <summary>No font at all could be found for a role.</summary>
public sealed class FontNotFoundException(FontRole role, IEnumerable<string> tried)
    : Exception($"No font found for role {role}; tried: {string.Join(", ", tried)}. Install one or set a font directory.")
{
    /// <summary>The role that has no font.</summary>
    public FontRole Role { get; } = role;
}
