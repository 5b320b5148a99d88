namespace DocGen.Core.Rendering;

/// <summary>Parses "docx,pdf"-style format lists, as the command line and the API take them.</summary>
public static class OutputFormatList
{
    public static bool TryParse(string list, out OutputFormats formats)
    {
        formats = 0;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "docx": formats |= OutputFormats.Docx; break;
                case "pdf": formats |= OutputFormats.Pdf; break;
                default: return false;
            }
        }
        return formats != 0;
    }
}
