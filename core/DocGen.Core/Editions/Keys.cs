namespace DocGen.Core.Editions;

/// <summary>Stable ids of the mandated tables, used as JSON property names.</summary>
public static class TableIds
{
    public const string Proactive = "proactive";
    public const string Requests = "requests";
    public const string Reviews = "reviews";
}

/// <summary>Stable keys of the six mandated sections, used in JSON.</summary>
public static class SectionKeys
{
    public const string Overview = "overview";
    public const string Proactive = "proactive";
    public const string Requests = "requests";
    public const string Reviews = "reviews";
    public const string Problems = "problems";
    public const string Other = "other";
}
