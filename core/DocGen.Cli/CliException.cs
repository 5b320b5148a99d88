namespace DocGen.Cli;

/// <summary>
/// A refusal a user can act on (a missing folder, an output that is a directory, a template that is not a .docx):
/// printed as one line with its code, exit 2. Commands throw it; <see cref="Program"/> prints it.
/// </summary>
internal sealed class CliException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
