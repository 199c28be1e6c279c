using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records.Lists;

/// <summary>Which filters a list page offers, with the choices of its selects (values as the query takes them).</summary>
public sealed record ListFilters
{
    /// <summary>Status names of the type (option values are the enum names, e.g. <c>Stalled</c>); empty for no status filter.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>Severity names (challenges).</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>Source kinds (sources).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>The list can be filtered by area; the choices are the programme's areas.</summary>
    public bool Area { get; init; }

    /// <summary>The list can be filtered by review cycle, typed as stored (recommendations).</summary>
    public bool Cycle { get; init; }

    /// <summary>The sortable columns: query value and the label of the "Sort by" choice; the first is the default order.</summary>
    public IReadOnlyList<(string Key, string Label)> Sorts { get; init; } = [];
}

/// <summary>
/// The state of one list page as its filter form, column headers and pager need it: the query as given (only the
/// values that were used), the page of records' position ("Showing 51–100 of 2,345"), and links that keep every
/// other parameter. Page numbers count from 1.
/// </summary>
public sealed class RecordListView(RecordSection section, ProgrammeRef programme, ListFilters filters, IReadOnlyDictionary<string, string> query, int total, int page, int pageSize, int shown)
{
    public RecordSection Section { get; } = section;

    public ProgrammeRef Programme { get; } = programme;

    public ListFilters Filters { get; } = filters;

    /// <summary>The query parameters in force (invalid ones removed), by name.</summary>
    public IReadOnlyDictionary<string, string> Query { get; } = query;

    /// <summary>How many records match the filters in all.</summary>
    public int Total { get; } = total;

    public int Page { get; } = page;

    public int PageSize { get; } = pageSize;

    /// <summary>The messages about query values that were not used ("status must be one of …").</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The programme's areas for the area filter: id and name.</summary>
    public IReadOnlyList<(int Id, string Name)> Areas { get; init; } = [];

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    /// <summary>The sort in force: the query's, or the default (first) one.</summary>
    public string Sort => Query.TryGetValue("sort", out var sort) ? sort : Filters.Sorts.Count > 0 ? Filters.Sorts[0].Key : "id";

    public bool Descending => Query.TryGetValue("dir", out var dir) && dir == "desc";

    /// <summary>Some filter or search narrows the list.</summary>
    public bool Filtered => Query.Keys.Any(k => k is "status" or "area" or "severity" or "cycle" or "kind" or "q" or "initiative");

    /// <summary>"Showing 51–100 of 2,345"; "Showing 1–1 of 1"; "No … match" when empty.</summary>
    public string Showing => Total == 0 || shown == 0
        ? $"No {Section.Plural} to show"
        : string.Create(CultureInfo.InvariantCulture, $"Showing {(Page - 1) * PageSize + 1:N0}–{(Page - 1) * PageSize + shown:N0} of {Total:N0}");

    /// <summary>The value of query parameter <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => Query.TryGetValue(name, out var value) ? value : null;

    /// <summary>This list with <paramref name="changes"/> applied to the query (null removes a parameter).</summary>
    public string Link(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(Query!, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return QueryHelpers.AddQueryString(Section.ListLink, values.Where(v => !string.IsNullOrEmpty(v.Value)).OrderBy(v => v.Key, StringComparer.Ordinal));
    }

    /// <summary>The link of a column header: sorts by <paramref name="key"/>, ascending first, the other way when it is already sorted so; back to page 1.</summary>
    public string SortLink(string key) =>
        Link(("sort", key), ("dir", Sort == key && !Descending ? "desc" : null), ("page", null));

    /// <summary>The <c>aria-sort</c> of a column header: "ascending", "descending", or null when the list is not sorted by it.</summary>
    public string? AriaSort(string key) => Sort == key ? (Descending ? "descending" : "ascending") : null;

    /// <summary>The link to page <paramref name="page"/>.</summary>
    public string PageLink(int page) => Link(("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The page numbers to link: the first, the last, and two either side of this one; 0 marks a gap.</summary>
    public IReadOnlyList<int> PageNumbers()
    {
        var pages = new SortedSet<int> { 1, PageCount };
        for (var p = Math.Max(1, Page - 2); p <= Math.Min(PageCount, Page + 2); p++)
        {
            pages.Add(p);
        }

        var numbers = new List<int>();
        var previous = 0;
        foreach (var p in pages)
        {
            if (p - previous > 1)
            {
                numbers.Add(0);
            }

            numbers.Add(p);
            previous = p;
        }

        return numbers;
    }
}
