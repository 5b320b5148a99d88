namespace DocGen.Storage;

/// <summary>Where a report sits in the compiling office's list of a year: agency, then id, both ordinal.</summary>
/// <param name="Agency">The agency as storage keeps it (NFKC).</param>
/// <param name="ReportId">The report id.</param>
public sealed record ReportKey(string Agency, string ReportId) : IComparable<ReportKey>
{
    /// <summary>By agency, then by id (ordinal); null sorts first.</summary>
    public int CompareTo(ReportKey? other)
    {
        if (other is null) return 1;
        int byAgency = string.CompareOrdinal(Agency, other.Agency);
        return byAgency != 0 ? byAgency : string.CompareOrdinal(ReportId, other.ReportId);
    }
}

/// <summary>One page of a list of reports; <see cref="Next"/> is where the next page starts after, or null on the last page.</summary>
/// <param name="Reports">The page's reports, in order.</param>
/// <param name="Next">Where the next page starts after.</param>
public sealed record ReportPage(IReadOnlyList<ReportManifest> Reports, ReportKey? Next);
