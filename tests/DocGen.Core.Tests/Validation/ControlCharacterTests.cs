using DocGen.Core.Rendering;

namespace DocGen.Core.Tests.Validation;

/// <summary>The range search that finds control characters finds exactly the first character <see cref="TextCleaner.IsControl"/> names.</summary>
public class ControlCharacterTests
{
    [Fact]
    public void Every_character_is_found_when_and_only_when_it_is_a_control()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            // Behind allowed text and line breaks, and before another control, so the first one is the one asked about.
            string text = "第一部分\t说明\r\n共15件，" + (char)c + "；\u0007";
            int expected = TextCleaner.IsControl((char)c) ? text.Length - 3 : text.Length - 1;
            Assert.Equal(expected, TextCleaner.IndexOfControl(text));
        }
    }

    [Fact]
    public void Text_without_controls_gives_minus_one()
    {
        Assert.Equal(-1, TextCleaner.IndexOfControl("本年度\r\n收到申请\t15件。\uFFFD"));
        Assert.Equal(-1, TextCleaner.IndexOfControl(""));
        Assert.Equal(0, TextCleaner.IndexOfControl("\uFFFF\u0001"));
        Assert.Equal(1, TextCleaner.IndexOfControl("\n\u0085\u0001"));
    }
}
