using DocGen.Pdf.Fonts;
using DocGen.Pdf.Text;
using static DocGen.Pdf.Tests.LayoutHelpers;

namespace DocGen.Pdf.Tests;

public class FontFallbackTests
{
    private static LoadedFace Face(string name) =>
        Fixtures.Fonts.Load(Fixtures.Fonts.FindFace(name) ?? throw new InvalidOperationException($"font {name} not installed"));

    [Fact]
    public void CollectionsPickTheSimplifiedChineseFaceByFamilyName()
    {
        var serif = Fixtures.Fonts.FindFace("Noto Serif CJK SC")!;
        Assert.EndsWith("NotoSerifCJK-Regular.ttc", serif.Path);
        Assert.NotEqual(0, serif.FaceIndex); // face 0 of the collection is the JP face
        Assert.True(serif.IsCff);
        var bold = Fixtures.Fonts.FindFace("Noto Serif CJK SC Bold")!;
        Assert.EndsWith("NotoSerifCJK-Bold.ttc", bold.Path);
        var kai = Fixtures.Fonts.FindFace("LXGW WenKai")!;
        Assert.EndsWith("LXGWWenKai-Regular.ttf", kai.Path);
        Assert.False(kai.IsCff);
    }

    [Fact]
    public void EveryRoleResolvesOnThisMachine()
    {
        foreach (var role in Enum.GetValues<FontRole>())
            Assert.True(File.Exists(Fixtures.Fonts.Primary(role).Info.Path));
        Assert.Equal("LXGW WenKai", Fixtures.Fonts.Primary(FontRole.Heading2).Info.FamilyNames[0]);
    }

    [Fact]
    public void UserFontDirectoryComesFirstAndChainsAreConfigurable()
    {
        string dir = Directory.CreateTempSubdirectory("docgen-fonts").FullName;
        try
        {
            File.Copy("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", Path.Combine(dir, "mine.ttf"));
            var options = new FontResolverOptions { IncludeSystemFonts = false };
            options.UserFontDirectories.Add(dir);
            options.Chains[FontRole.Body] = ["No Such Font", "LXGW WenKai"];
            using var fonts = new FontResolver(options);
            Assert.Equal(Path.Combine(dir, "mine.ttf"), fonts.Primary(FontRole.Body).Info.Path);
            Assert.Equal(Path.Combine(dir, "mine.ttf"), fonts.FindFace("mine")!.Path); // file name works too
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void CharacterMissingFromTheRoleFaceComesFromTheNextFace()
    {
        var kai = Face("LXGW WenKai");
        var serif = Face("Noto Serif CJK SC");
        // The first ideograph (basic block, then extensions A and B) LXGW WenKai lacks and Noto Serif CJK SC has.
        int missing = Enumerable.Range(0x4E00, 0x9FFF - 0x4E00).Concat(Enumerable.Range(0x3400, 0x4DBF - 0x3400))
            .Concat(Enumerable.Range(0x20000, 0x2A6DF - 0x20000)).First(cp => !kai.HasGlyph(cp) && serif.HasGlyph(cp));
        string text = "楷体" + char.ConvertFromUtf32(missing) + "字";
        var d = new LayoutDiagnostics();
        var line = Lines(ParagraphBlock.Of(text, FontRole.Heading2), 400, d).Single();

        Assert.Equal(text, LineText(line));
        var atoms = line.Atoms.Select(a => a.Atom).ToList();
        Assert.Same(kai, atoms[0].Face);
        Assert.NotSame(kai, atoms[2].Face);
        Assert.False(kai.HasGlyph(missing));
        Assert.True(atoms[2].Face.HasGlyph(missing));
        Assert.Same(kai, atoms[3].Face);
        Assert.True(d.FallbackCharacters.ContainsKey(missing));
        Assert.All(atoms, a => Assert.All(a.Glyphs, g => Assert.NotEqual(0u, g.GlyphId)));
    }

    [Fact]
    public void LatinInAKaiRunIsShapedAndCharactersNoFaceHasAreLeftOutNotBoxed()
    {
        var d = new LayoutDiagnostics();
        string text = "ABC abc 123\uE000\U0010FFFD结束";
        var lines = Lines(ParagraphBlock.Of(text, FontRole.Heading2), 400, d);
        var atoms = lines.SelectMany(l => l.Atoms).Select(a => a.Atom).ToList();
        Assert.All(atoms, a => Assert.All(a.Glyphs, g => Assert.NotEqual(0u, g.GlyphId)));
        Assert.Contains(0xE000, d.MissingCharacters);
        Assert.Contains(0x10FFFD, d.MissingCharacters);
        Assert.Equal("ABC abc 123结束", string.Concat(lines.Select(LineText)));
    }

    [Fact]
    public void BoldUsesARealBoldFaceWhenInstalledElseSynthetic()
    {
        var line = Lines(ParagraphBlock.Of("加粗", FontRole.Body, 16, bold: true), 400).Single();
        Assert.Contains("Bold", line.Atoms[0].Atom.Face.Info.FullName);
        Assert.False(line.Atoms[0].Atom.SyntheticBold);

        var options = new FontResolverOptions();
        options.Chains[FontRole.Body] = ["LXGW WenKai Light"];
        using var fonts = new FontResolver(options);
        var p = ParagraphBlock.Of("加粗", FontRole.Body, 16, bold: true);
        var synthetic = new TextLayouter(fonts, new LayoutDiagnostics()).Layout(p, 400).Lines.Single();
        // LXGW WenKai Light has no "LXGW WenKai Light Bold": fill + stroke instead.
        Assert.True(synthetic.Atoms[0].Atom.SyntheticBold || synthetic.Atoms[0].Atom.Face.Info.SubfamilyName.Contains("Bold"));
    }
}
