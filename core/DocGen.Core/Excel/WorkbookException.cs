namespace DocGen.Core.Excel;

/// <summary>A workbook that cannot be read at all (encrypted, corrupt, a zip bomb, too large, an uncomputed formula).</summary>
public sealed class WorkbookException(string code, string message, Exception? inner = null) : DocGenException(code, message, inner);
