using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Dashboard;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages;

/// <summary>
/// The dashboard: of one programme (the only one, or <c>?programme=SLUG</c>), or, when there are several and none
/// is named, the portfolio of all of them, each linking to its own dashboard.
/// </summary>
public sealed class IndexModel(GetProgrammeDashboard dashboard, GetPortfolio portfolio, ProgrammeLookup programmes) : PageModel
{
    /// <summary>How many indicators get a trend chart of their own; the table lists them all.</summary>
    public const int TrendCharts = 12;

    /// <summary>The programme's dashboard; null on the portfolio view.</summary>
    public ProgrammeDashboard? Dashboard { get; private set; }

    /// <summary>Every programme with its counts and alerts; null on a programme's dashboard.</summary>
    public IReadOnlyList<PortfolioProgramme>? Portfolio { get; private set; }

    /// <summary>The query string that names the programme shown (<c>?programme=nato-bih</c>), for chart addresses.</summary>
    public string ProgrammeQuery => Dashboard is null ? "" : "?programme=" + Uri.EscapeDataString(Dashboard.Programme.Slug);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? programme, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(programme) && (await programmes.ListAsync(cancellationToken)).Count > 1)
        {
            Portfolio = await portfolio.HandleAsync(cancellationToken);
            return Page();
        }

        return this.PageOr(
            await dashboard.HandleAsync(string.IsNullOrWhiteSpace(programme) ? null : programme, cancellationToken),
            value => Dashboard = value);
    }
}
