using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Programmes;

namespace PartnershipTracker.Core.Reports;

/// <summary>A rendered report with what a download needs: its file name and media type.</summary>
/// <param name="FileName">E.g. <c>nato-bih-report.html</c>.</param>
/// <param name="ContentType">E.g. <c>text/html; charset=utf-8</c>.</param>
public sealed record RenderedReport(string ProgrammeSlug, ReportFormat Format, string FileName, string ContentType, string Content);

/// <summary>
/// Reads a programme's overview and renders its progress report; used by <c>ptrack report</c> and
/// <c>GET /report</c>. Fails as <see cref="ProgrammeLookup.FindAsync"/> does when the programme is unknown.
/// </summary>
public sealed class GetProgrammeReport(GetProgrammeOverview overviews, ProgrammeReport report)
{
    public async Task<Result<RenderedReport>> HandleAsync(string? programmeSlug, ReportFormat format, CancellationToken cancellationToken = default)
    {
        var overview = await overviews.HandleAsync(programmeSlug, cancellationToken);
        if (!overview.Succeeded)
        {
            return overview.Failure!;
        }

        var slug = overview.Value!.Programme.Slug;
        return new RenderedReport(slug, format, format.FileName(slug), format.ContentType(), report.Render(overview.Value!, format));
    }
}
