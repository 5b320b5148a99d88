using DocGen.Pdf;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Core.Word;

/// <summary>
/// The .docx font table: each official face with its alternates, so that Word, WPS and LibreOffice each pick the
/// closest face they have (仿宋_GB2312 → 仿宋 → FangSong → STFangsong …), never a sans fallback. The alternates are
/// the PDF engine's font chains, so both outputs fall back alike.
/// </summary>
internal static class WordFontTable
{
    /// <summary>Windows' PANOSE of the Chinese system faces (SimSun, SimHei, FangSong, KaiTi): Latin text, fixed pitch.</summary>
    private static readonly Dictionary<string, string> Panose = new()
    {
        [WordStyles.SongTi] = "02010600030101010101",
        [WordStyles.HeiTi] = "02010609060101010101",
        [WordStyles.FangSong] = "02010609060101010101",
        [WordStyles.KaiTi] = "02010609060101010101",
        [WordStyles.XiaoBiaoSong] = "02000000000000000000",
    };

    public static Fonts Build()
    {
        var chains = FontResolverOptions.DefaultChains();
        var faces = new (string Name, FontRole Role)[]
        {
            (WordStyles.FangSong, FontRole.Body), (WordStyles.HeiTi, FontRole.Heading1), (WordStyles.KaiTi, FontRole.Heading2),
            (WordStyles.XiaoBiaoSong, FontRole.Title), (WordStyles.SongTi, FontRole.PageNumber),
        };
        var fonts = new Fonts();
        foreach (var (name, role) in faces)
        {
            // LibreOffice reads a ";" list of alternates; Word and WPS take the first they have.
            var alternates = chains[role].Where(n => n != name).Distinct(StringComparer.Ordinal);
            fonts.Append(new Font(
                new AltName { Val = string.Join(";", alternates) },
                new Panose1Number { Val = Panose[name] },
                new FontCharSet { Val = "86" }, // GB2312
                new FontFamily { Val = FontFamilyValues.Modern },
                new Pitch { Val = FontPitchValues.Fixed },
                new FontSignature
                {
                    UnicodeSignature0 = "00000001", UnicodeSignature1 = "080E0000", UnicodeSignature2 = "00000010",
                    UnicodeSignature3 = "00000000", CodePageSignature0 = "00040000", CodePageSignature1 = "00000000",
                }) { Name = name });
        }
        return fonts;
    }
}
