using DocGen.Core.Model;

namespace DocGen.Core.Rendering;

/// <summary>The document date written into outputs: taken from the report, never from the clock, so outputs are reproducible.</summary>
public static class DocumentDates
{
    /// <summary>The publication date, or 1 January of the following year when the report gives none.</summary>
    public static DateTimeOffset Created(Report report)
    {
        var date = report.PublicationDate ?? new DateOnly(Math.Clamp(report.Year + 1, 1, 9999), 1, 1);
        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
