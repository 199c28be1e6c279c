using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Search;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Search;

/// <summary>
/// <c>/search?q=...&amp;page=N</c>: records and sources containing every word, best first, with highlighted snippets.
/// No query shows the form alone; a query that is too long, or a page out of range, shows the message next to the
/// field (status 400).
/// </summary>
public sealed class IndexModel(SearchRecords search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    /// <summary>The page wanted, from 1 (<c>?page=</c>; read by hand because "page" is the route value Razor Pages names pages by).</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>The results; null when nothing was searched for (no query, or an invalid one).</summary>
    public SearchResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var page = Request.Query["page"].ToString();
        var number = 1;
        if (page.Length > 0 && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            ModelState.AddModelError("page", "page must be a whole number");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        PageNumber = number;
        if (string.IsNullOrWhiteSpace(Q))
        {
            return Page();
        }

        var result = await search.HandleAsync(new SearchRequest(Q, PageNumber), cancellationToken);
        if (result.Failure is { Kind: FailureKind.Invalid } invalid)
        {
            foreach (var (field, messages) in invalid.Fields ?? new Dictionary<string, string[]> { ["q"] = [invalid.Message] })
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            Response.StatusCode = FailureResults.StatusOf(invalid.Kind);
            return Page();
        }

        return this.PageOr(result, value => Results = value);
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) =>
        "/search?q=" + Uri.EscapeDataString(Q ?? "") + (page > 1 ? "&page=" + page.ToString(CultureInfo.InvariantCulture) : "");
}
