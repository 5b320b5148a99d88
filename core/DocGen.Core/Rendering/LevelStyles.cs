namespace DocGen.Core.Rendering;

/// <summary>The faces of GB/T 9704 documents: the writers map them to a font role (PDF) or a font name (Word).</summary>
public enum Face
{
    /// <summary>仿宋: body text.</summary>
    FangSong,
    /// <summary>黑体: first-level headings.</summary>
    HeiTi,
    /// <summary>楷体: second-level headings.</summary>
    KaiTi,
}

/// <summary>
/// The one rule for the style of a level, used for headings and run-in leads in both writers:
/// 一、 黑体; （一） 楷体; 1. and （1） 仿宋 bold.
/// </summary>
public static class LevelStyles
{
    public static (Face Face, bool Bold) For(int level) => level switch
    {
        <= 1 => (Face.HeiTi, false),
        2 => (Face.KaiTi, false),
        _ => (Face.FangSong, true),
    };
}
