using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PartnershipTracker.Core.Reports;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Api;

/// <summary><c>GET /report?programme=SLUG&amp;format=html|md&amp;includeDrafts=true</c>: the programme progress report as a download; each download is audited ("export").</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/report", GetReportAsync)
            .WithName("GetProgrammeReport")
            .WithTags("Reports")
            .WithSummary("The programme progress report")
            .WithDescription("The report as one self-contained HTML file (format=html, the default) or Markdown (format=md), sent as an attachment named like nato-bih-report.html. Only approved records unless includeDrafts=true; the report says which, and how many records awaiting review it left out. Every download writes an audit entry \"export\".")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="programme">The programme's slug; may be left out when there is only one programme.</param>
    /// <param name="format"><c>html</c> (default) or <c>md</c>.</param>
    /// <param name="includeDrafts">Also report draft, submitted and returned records (default false: approved records only).</param>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetReportAsync(
        string? programme, string? format, bool? includeDrafts, GetProgrammeReport reports, HttpContext context, CancellationToken cancellationToken)
    {
        var parsed = format is null ? ReportFormat.Html : ReportFormats.Parse(format);
        if (parsed is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["format"] = [$"'{format}' is not a report format; use one of: {string.Join(", ", ReportFormats.Names)}."] },
                detail: "The format parameter must be html or md.");
        }

        var options = new ReportOptions(includeDrafts ?? false, context.Connection.RemoteIpAddress?.ToString());
        var result = await reports.HandleAsync(programme, parsed.Value, options, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure!.ToProblem();
        }

        var report = result.Value!;
        return TypedResults.File(Encoding.UTF8.GetBytes(report.Content), report.ContentType, report.FileName);
    }
}
