namespace DocGen.Cli;

/// <summary>Exit codes shared by all commands.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The report was read but has errors.</summary>
    public const int ReportErrors = 1;
    /// <summary>A file could not be read or parsed, or the command was misused.</summary>
    public const int Unreadable = 2;
}
