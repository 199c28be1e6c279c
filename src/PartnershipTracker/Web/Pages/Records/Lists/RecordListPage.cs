using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records.Lists;

/// <summary>
/// What every list page does with its query string (<c>status</c>, <c>area</c>, <c>severity</c>, <c>cycle</c>,
/// <c>kind</c>, <c>initiative</c>, <c>q</c>, <c>sort</c>, <c>dir</c>, <c>page</c>, <c>programme</c>): asks the type's
/// list handler for one page of 50, and when a value is refused, shows the list without it and says why
/// (never an error page for a bad filter). An unknown programme is a 404.
/// </summary>
public abstract class RecordListPage<TRow>(ListAreas areas) : PageModel
{
    /// <summary>Records per page.</summary>
    public const int PageSize = RecordQuery.DefaultLimit;

    private static readonly string[] Parameters = ["status", "area", "severity", "cycle", "kind", "initiative", "q", "sort", "dir", "page", "programme"];

    public RecordListView List { get; private set; } = null!;

    public IReadOnlyList<TRow> Items { get; private set; } = [];

    protected async Task<IActionResult> ListAsync(
        RecordType type, ListFilters filters, Func<RecordQuery, CancellationToken, Task<Result<RecordPage<TRow>>>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(handler);
        var section = RecordSections.Of(type)!;
        var query = Parameters
            .Select(name => (name, Value: Request.Query[name].ToString().Trim()))
            .Where(p => p.Value.Length > 0)
            .ToDictionary(p => p.name, p => p.Value, StringComparer.Ordinal);
        var messages = new List<string>();
        if (query.TryGetValue("dir", out var dir) && dir is not ("asc" or "desc"))
        {
            messages.Add($"dir must be asc or desc (not '{FieldErrorsText(dir)}')");
            query.Remove("dir");
        }

        foreach (var name in new[] { "area", "initiative", "page" })
        {
            if (query.TryGetValue(name, out var text) && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1))
            {
                messages.Add($"{name} must be a whole number from 1 (not '{FieldErrorsText(text)}')");
                query.Remove(name);
            }
        }

        var result = await handler(ToQuery(query), cancellationToken);
        if (!result.Succeeded && result.Failure!.Kind == FailureKind.Invalid && result.Failure.Fields is { Count: > 0 } fields)
        {
            messages.AddRange(fields.SelectMany(f => f.Value));
            foreach (var name in fields.Keys)
            {
                query.Remove(name);
            }

            result = await handler(ToQuery(query), cancellationToken);
        }

        if (!result.Succeeded)
        {
            return this.Failed(result.Failure!);
        }

        var page = result.Value!;
        var pageNumber = query.TryGetValue("page", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1;
        if (page.Items.Count == 0 && pageNumber > 1 && page.Total > 0)
        {
            messages.Add(string.Create(CultureInfo.InvariantCulture, $"there is no page {pageNumber}; the last page is {(page.Total + PageSize - 1) / PageSize}"));
        }

        IReadOnlyList<(int, string)> areaOptions = [];
        if (filters.Area)
        {
            var list = await areas.HandleAsync(page.Programme.Slug, cancellationToken);
            areaOptions = list.Succeeded ? list.Value!.Items.Select(a => (a.Id, a.Name)).ToList() : [];
        }

        Items = page.Items;
        List = new RecordListView(section, page.Programme, filters, query, page.Total, pageNumber, PageSize, page.Items.Count) { Messages = messages, Areas = areaOptions };
        return Page();
    }

    private static RecordQuery ToQuery(Dictionary<string, string> query) => new()
    {
        Programme = query.GetValueOrDefault("programme"),
        Status = query.GetValueOrDefault("status"),
        Area = query.TryGetValue("area", out var area) ? int.Parse(area, CultureInfo.InvariantCulture) : null,
        Initiative = query.TryGetValue("initiative", out var initiative) ? int.Parse(initiative, CultureInfo.InvariantCulture) : null,
        Severity = query.GetValueOrDefault("severity"),
        Cycle = query.GetValueOrDefault("cycle"),
        Kind = query.GetValueOrDefault("kind"),
        Q = query.GetValueOrDefault("q"),
        Sort = query.GetValueOrDefault("sort"),
        Descending = query.GetValueOrDefault("dir") == "desc",
        Page = query.TryGetValue("page", out var page) ? int.Parse(page, CultureInfo.InvariantCulture) : null,
        Limit = PageSize,
    };

    private static string FieldErrorsText(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
