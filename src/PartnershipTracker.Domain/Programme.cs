namespace PartnershipTracker.Domain;

/// <summary>One partnership being monitored, e.g. NATO – Bosnia and Herzegovina.</summary>
public sealed class Programme
{
    public int Id { get; set; }

    /// <summary>URL- and CLI-safe key, lower case with dashes, e.g. <c>nato-bih</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>The alliance, e.g. "NATO".</summary>
    public required string Alliance { get; set; }

    /// <summary>The partner as an ISO 3166-1 alpha-3 code, e.g. "BIH".</summary>
    public required string PartnerIso3 { get; set; }

    /// <summary>Frameworks of the partnership, comma-separated as listed (e.g. "Partnership for Peace, Membership Action Plan").</summary>
    public string Frameworks { get; set; } = "";

    /// <summary>How often the programme is reviewed, e.g. "annual".</summary>
    public string ReviewCycle { get; set; } = "annual";

    public string Summary { get; set; } = "";

    public List<Area> Areas { get; } = [];
}
