using System.Globalization;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>
/// One editable record type as the pages show it: its address (<c>/initiatives</c>), and its noun for headings
/// ("Initiative") and sentences ("initiative", "initiatives").
/// </summary>
public sealed record RecordSection(RecordType Type, string Path, string Singular, string Plural)
{
    /// <summary>The noun with a capital first letter, to start a sentence or a heading: "Initiative".</summary>
    public string Title => char.ToUpperInvariant(Singular[0]) + Singular[1..];

    /// <summary>The plural with a capital first letter, as the list page's heading: "Initiatives".</summary>
    public string PluralTitle => char.ToUpperInvariant(Plural[0]) + Plural[1..];

    /// <summary>The list page: <c>/initiatives</c>.</summary>
    public string ListLink => "/" + Path;

    /// <summary>The detail page: <c>/initiatives/12</c>.</summary>
    public string DetailLink(int id) => string.Create(CultureInfo.InvariantCulture, $"/{Path}/{id}");

    /// <summary>A page under the detail page: <c>/initiatives/12/edit</c>, <c>/initiatives/12/delete</c>.</summary>
    public string ActionLink(int id, string action) => string.Create(CultureInfo.InvariantCulture, $"/{Path}/{id}/{action}");
}

/// <summary>The editable record types that have pages, by address and by type.</summary>
public static class RecordSections
{
    /// <summary>The route constraint that matches the address of every editable type: <c>{section:regex(...)}</c>.</summary>
    public const string RoutePattern = "^(areas|achievements|challenges|initiatives|milestones|recommendations|indicators|sources)$";

    /// <summary>Every editable type, in the order of the main navigation.</summary>
    public static readonly IReadOnlyList<RecordSection> All =
    [
        new(RecordType.Area, "areas", "area", "areas"),
        new(RecordType.Achievement, "achievements", "achievement", "achievements"),
        new(RecordType.Challenge, "challenges", "challenge", "challenges"),
        new(RecordType.Initiative, "initiatives", "initiative", "initiatives"),
        new(RecordType.Milestone, "milestones", "milestone", "milestones"),
        new(RecordType.Recommendation, "recommendations", "recommendation", "recommendations"),
        new(RecordType.Indicator, "indicators", "indicator", "indicators"),
        new(RecordType.Source, "sources", "source", "sources"),
    ];

    /// <summary>The section at <paramref name="path"/> ("initiatives"), or null.</summary>
    public static RecordSection? FromPath(string? path) =>
        All.FirstOrDefault(s => string.Equals(s.Path, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The section of <paramref name="type"/>, or null for a type without pages of its own (programme, observation).</summary>
    public static RecordSection? Of(RecordType type) => All.FirstOrDefault(s => s.Type == type);

    /// <summary>The section whose singular noun is <paramref name="noun"/> ("initiative"), or null.</summary>
    public static RecordSection? FromNoun(string? noun) =>
        All.FirstOrDefault(s => string.Equals(s.Singular, noun, StringComparison.OrdinalIgnoreCase));
}
