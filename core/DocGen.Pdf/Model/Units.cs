namespace DocGen.Pdf;

/// <summary>Unit conversions: the engine measures everything in PDF points (1/72 inch).</summary>
public static class Units
{
    /// <summary>Points per millimetre.</summary>
    public const double PointsPerMm = 72.0 / 25.4;

    /// <summary>Millimetres to points.</summary>
    public static double Mm(double mm) => mm * PointsPerMm;
}
