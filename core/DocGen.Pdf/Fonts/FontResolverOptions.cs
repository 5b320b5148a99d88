namespace DocGen.Pdf;

/// <summary>Where fonts are looked for and which families serve each role, in order of preference.</summary>
public sealed class FontResolverOptions
{
    /// <summary>Folders searched before the system's fonts (the user's own licensed fonts).</summary>
    public List<string> UserFontDirectories { get; } = [];

    /// <summary>Search the operating system's font folders after the user folders.</summary>
    public bool IncludeSystemFonts { get; set; } = true;

    /// <summary>Overrides the system font folders (null: the platform defaults, see <see cref="DefaultSystemFontDirectories"/>).</summary>
    public List<string>? SystemFontDirectories { get; set; }

    /// <summary>
    /// Run hb_subset_preprocess on each face after it is first loaded, in the background (one face at a
    /// time): 1.7–3.8 s of CPU per Noto CJK face and about 100 MB each, then subsets 2–4× faster. Until it
    /// finishes, subsets are made from the face as loaded (the same bytes). Off by default: on the service's
    /// defaults the memory matters more than the 30–60 ms a report it saves.
    /// </summary>
    public bool PreprocessFacesForSubsetting { get; set; }

    /// <summary>
    /// Keep original glyph ids in font subsets (CID = original glyph id). Off by default: it makes
    /// each CJK font about 160 KB bigger in the PDF. Useful to compare output or to debug a viewer.
    /// </summary>
    public bool RetainGlyphIdsInSubsets { get; set; }

    /// <summary>Family (or full, or file) names per role, first found wins. Edit to change the chains.</summary>
    public Dictionary<FontRole, List<string>> Chains { get; } = DefaultChains();

    /// <summary>The official faces first, then Windows, macOS and Debian equivalents.</summary>
    public static Dictionary<FontRole, List<string>> DefaultChains()
    {
        List<string> body = ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "simfang", "STFangsong", "华文仿宋",
                             "Noto Serif CJK SC", "Source Han Serif SC"];
        return new()
        {
            [FontRole.Title] = ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05",
                                "宋体", "SimSun", "simsun", "Songti SC", "STSong",
                                "Noto Serif CJK SC Bold", "Source Han Serif SC Bold", "Noto Serif CJK SC"],
            [FontRole.Body] = body,
            [FontRole.Heading1] = ["黑体", "SimHei", "simhei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC"],
            [FontRole.Heading2] = ["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "simkai", "Kaiti SC", "STKaiti",
                                   "LXGW WenKai", "Noto Serif CJK SC"],
            [FontRole.Table] = [.. body],
            [FontRole.PageNumber] = ["宋体", "SimSun", "simsun", "Songti SC", "STSong", "Noto Serif CJK SC"],
        };
    }

    /// <summary>The platform's font folders.</summary>
    public static List<string> DefaultSystemFontDirectories()
    {
        var dirs = new List<string>();
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            dirs.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts"));
            dirs.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Microsoft", "Windows", "Fonts"));
        }
        else if (OperatingSystem.IsMacOS())
        {
            dirs.AddRange(["/System/Library/Fonts", "/Library/Fonts", Path.Combine(home, "Library", "Fonts")]);
        }
        else
        {
            dirs.AddRange(["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".fonts"),
                           Path.Combine(home, ".local", "share", "fonts")]);
        }
        return dirs;
    }
}
