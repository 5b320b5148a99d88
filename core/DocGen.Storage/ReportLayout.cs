using System.Globalization;

namespace DocGen.Storage;

/// <summary>
/// The blob paths of the report layout. Every method validates its arguments.
/// <code>
/// reports/{agency}/{year}/{reportId}/input.json | report.docx | report.pdf | validation.json | manifest.json
/// archive/{agency}/{year}/{reportId}/{version}/signed.pdf | signed.json
/// ids/{reportId}.json
/// </code>
/// </summary>
public static class ReportLayout
{
    /// <summary><c>reports/{agency}/</c></summary>
    public static string AgencyPrefix(string agency) =>
        $"{BlobPath.ReportsContainer}/{StorageNames.ValidateAgency(agency)}/";

    /// <summary><c>reports/{agency}/{year}/</c></summary>
    public static string YearPrefix(string agency, int year)
    {
        StorageNames.ValidateYear(year);
        return AgencyPrefix(agency) + year.ToString(CultureInfo.InvariantCulture) + "/";
    }

    /// <summary><c>reports/{agency}/{year}/{reportId}/</c></summary>
    public static string ReportFolder(string agency, int year, string reportId)
    {
        StorageNames.ValidateReportId(reportId);
        return YearPrefix(agency, year) + reportId + "/";
    }

    /// <summary><c>reports/{agency}/{year}/{reportId}/{fileName}</c> for one of <see cref="ReportFileNames"/>.</summary>
    public static string ReportFile(string agency, int year, string reportId, string fileName)
    {
        if (fileName != ReportFileNames.Manifest && !ReportFileNames.ReportFiles.Contains(fileName))
            throw new StorageException(StorageErrorCodes.InvalidReportFile, $"报告文件名无效：{fileName}");
        return ReportFolder(agency, year, reportId) + fileName;
    }

    /// <summary><c>archive/{agency}/{year}/{reportId}/</c></summary>
    public static string ArchiveFolder(string agency, int year, string reportId)
    {
        StorageNames.ValidateYear(year);
        StorageNames.ValidateReportId(reportId);
        return $"{BlobPath.ArchiveContainer}/{StorageNames.ValidateAgency(agency)}/{year.ToString(CultureInfo.InvariantCulture)}/{reportId}/";
    }

    /// <summary><c>archive/{agency}/{year}/{reportId}/{version}/{fileName}</c></summary>
    public static string ArchiveFile(string agency, int year, string reportId, int version, string fileName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return ArchiveFolder(agency, year, reportId) + version.ToString(CultureInfo.InvariantCulture) + "/" + fileName;
    }

    /// <summary><c>ids/{reportId}.json</c></summary>
    public static string IdIndex(string reportId)
    {
        StorageNames.ValidateReportId(reportId);
        return $"{BlobPath.IdsContainer}/{reportId}.json";
    }
}
