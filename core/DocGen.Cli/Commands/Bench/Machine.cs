using System.Runtime.InteropServices;

namespace DocGen.Cli.Commands.Bench;

/// <summary>What the figures were measured on: cores, memory, runtime, LibreOffice, and the load at the start and the end.</summary>
internal sealed record Machine(int Cores, long MemoryKb, string Os, string Runtime, string? LibreOffice)
{
    public static Machine Describe()
    {
        long memory = 0;
        try { memory = ProcStatus.ParseKb(File.ReadAllText("/proc/meminfo"), "MemTotal") ?? 0; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return new Machine(Environment.ProcessorCount, memory, RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, LibreOfficeVersion());
    }

    /// <summary>The first line of `soffice --version`, or null when LibreOffice is not installed.</summary>
    private static string? LibreOfficeVersion()
    {
        try
        {
            using var p = ChildProcess.Start(ChildProcess.Info("soffice", ["--version"]));
            string text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? text.Split('\n')[0].Trim() : null;
        }
        catch (CliException) { return null; }
    }

    public override string ToString() =>
        $"{Cores} cores, {MemoryKb / 1048576.0:0.0} GiB, {Os}, {Runtime}, {LibreOffice ?? "LibreOffice not installed"}";
}
