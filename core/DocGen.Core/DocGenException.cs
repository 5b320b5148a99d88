namespace DocGen.Core;

/// <summary>An error a user can act on: a stable English <see cref="Code"/> and a message in Chinese.</summary>
public class DocGenException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
