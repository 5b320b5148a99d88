namespace DocGen.Core.Import;

/// <summary>
/// The codes with which a reader refuses a whole source (an <see cref="ImportException"/>): one list, so the
/// service's contract names every code the import endpoint can answer 400 with.
/// </summary>
public static class ImportRefusals
{
    public const string InvalidUtf8 = "INVALID_UTF8";
    public const string UnsupportedFormat = "UNSUPPORTED_FORMAT";
    public const string NotAPackage = "NOT_A_PACKAGE";
    public const string CorruptPackage = "CORRUPT_PACKAGE";
    public const string PackageEncrypted = "PACKAGE_ENCRYPTED";
    public const string PackageTooManyEntries = "PACKAGE_TOO_MANY_ENTRIES";
    public const string ZipBomb = "ZIP_BOMB";
    public const string LegacyBinaryFormat = "LEGACY_BINARY_FORMAT";
    public const string CorruptDocx = "CORRUPT_DOCX";
    public const string CorruptXlsx = "CORRUPT_XLSX";
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string SheetTooLarge = "SHEET_TOO_LARGE";
    public const string FormulaNotComputed = "FORMULA_NOT_COMPUTED";
    public const string HtmlTooDeep = "HTML_TOO_DEEP";
    public const string HtmlScriptOnly = "HTML_SCRIPT_ONLY";
    public const string HtmlNoContent = "HTML_NO_CONTENT";

    public static IReadOnlyList<string> All { get; } =
    [
        InvalidUtf8, UnsupportedFormat, NotAPackage, CorruptPackage, PackageEncrypted, PackageTooManyEntries, ZipBomb,
        LegacyBinaryFormat, CorruptDocx, CorruptXlsx, FileTooLarge, SheetTooLarge, FormulaNotComputed, HtmlTooDeep,
        HtmlScriptOnly, HtmlNoContent,
    ];
}
