using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Reports;

/// <summary>A rendered report with what a download needs: its file name and media type.</summary>
/// <param name="FileName">E.g. <c>nato-bih-report.html</c>.</param>
/// <param name="ContentType">E.g. <c>text/html; charset=utf-8</c>.</param>
public sealed record RenderedReport(string ProgrammeSlug, ReportFormat Format, string FileName, string ContentType, string Content);

/// <summary>What a report covers.</summary>
/// <param name="IncludeDrafts">Also report draft, submitted and returned records; false (the default): approved records only.</param>
/// <param name="RemoteAddress">The client's address for the audit entry of a web download; null from the CLI.</param>
public sealed record ReportOptions(bool IncludeDrafts = false, string? RemoteAddress = null);

/// <summary>
/// Reads a programme's overview and renders its progress report; used by <c>ptrack report</c> and
/// <c>GET /report</c>. Fails as <see cref="ProgrammeLookup.FindAsync"/> does when the programme is unknown.
/// By default only records approved in the review workflow are reported, and the report says how many it left
/// out; <see cref="ReportOptions.IncludeDrafts"/> reports every record the reader may see (PRODUCT.md C3).
/// Every report rendered writes an audit entry "export" naming the actor, programme, format and whether drafts
/// were included (PRODUCT.md C9), whichever front end asked for it.
/// </summary>
public sealed class GetProgrammeReport(GetProgrammeOverview overviews, ProgrammeReport report, PtrackDbContext db, TimeProvider time)
{
    public Task<Result<RenderedReport>> HandleAsync(string? programmeSlug, ReportFormat format, CancellationToken cancellationToken = default) =>
        HandleAsync(programmeSlug, format, new ReportOptions(), cancellationToken);

    /// <inheritdoc cref="GetProgrammeReport"/>
    public async Task<Result<RenderedReport>> HandleAsync(string? programmeSlug, ReportFormat format, ReportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var overview = await overviews.HandleAsync(programmeSlug, approvedOnly: !options.IncludeDrafts, cancellationToken);
        if (!overview.Succeeded)
        {
            return overview.Failure!;
        }

        var slug = overview.Value!.Programme.Slug;
        db.AuditEntries.Add(AuditLog.Entry(
            time.GetUtcNow(), db.Actor.Name, "export",
            new { kind = "report", format = format.Extension(), programme = slug, includeDrafts = options.IncludeDrafts },
            options.RemoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return new RenderedReport(slug, format, format.FileName(slug), format.ContentType(), report.Render(overview.Value!, format));
    }
}
