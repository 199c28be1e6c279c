using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PartnershipTracker.Core.Features.Dashboard;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Charts;

/// <summary>
/// The dashboard's charts as <c>image/svg+xml</c>: <c>/charts/initiatives-by-status.svg</c> and
/// <c>/charts/records-by-area.svg</c> (each with <c>?programme=SLUG</c>, as the dashboard), and
/// <c>/charts/indicators/{id}.svg</c>. A chart is drawn once per distinct data: its ETag is a hash of what it shows
/// and the drawing is kept in memory under it, so an unchanged chart costs the queries and a 304. The SVG carries
/// no script and is served under a policy that allows none. A chart that cannot be drawn (no usable font, native
/// library missing) answers 503: the page's table of the same numbers still stands.
/// </summary>
internal static class ChartEndpoints
{
    private const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'";

    private const int CacheLimit = 512;

    private static readonly ConcurrentDictionary<string, string> Drawn = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapChartEndpoints(this IEndpointRouteBuilder app)
    {
        var charts = app.MapGroup("/charts").ExcludeFromDescription();
        charts.MapGet("/initiatives-by-status.svg", async (string? programme, GetProgrammeDashboard dashboard, HttpContext http, ILoggerFactory logs, CancellationToken ct) =>
        {
            var result = await dashboard.HandleAsync(string.IsNullOrWhiteSpace(programme) ? null : programme, ct);
            if (!result.Succeeded)
            {
                return (IResult)result.Failure!.ToProblem();
            }

            var bars = DashboardChartData.InitiativesByStatus(result.Value!);
            return Svg(http, logs, "initiatives-by-status", bars, () => SvgCharts.Bars("Initiatives by status", "Initiatives", bars));
        }).WithName("InitiativesByStatusChart");

        charts.MapGet("/records-by-area.svg", async (string? programme, GetProgrammeDashboard dashboard, HttpContext http, ILoggerFactory logs, CancellationToken ct) =>
        {
            var result = await dashboard.HandleAsync(string.IsNullOrWhiteSpace(programme) ? null : programme, ct);
            if (!result.Succeeded)
            {
                return (IResult)result.Failure!.ToProblem();
            }

            var bars = DashboardChartData.RecordsByArea(result.Value!);
            return Svg(http, logs, "records-by-area", bars, () => SvgCharts.Bars("Records by area", "Achievements, challenges, initiatives and recommendations", bars));
        }).WithName("RecordsByAreaChart");

        charts.MapGet("/indicators/{id:int}.svg", async (int id, GetIndicatorSeries series, HttpContext http, ILoggerFactory logs, CancellationToken ct) =>
        {
            var result = await series.HandleAsync(id, ct);
            if (!result.Succeeded)
            {
                return (IResult)result.Failure!.ToProblem();
            }

            var s = result.Value!;
            var points = DashboardChartData.Points(s);
            return Svg(http, logs, "indicator|" + s.Name + "|" + s.Unit, points, () => SvgCharts.Trend(s.Name, s.Unit, points));
        }).WithName("IndicatorTrendChart");
        return app;
    }

    /// <summary>The SVG drawn by <paramref name="draw"/> (or kept from before) under an ETag of <paramref name="kind"/> and <paramref name="data"/>; 304 when the client has it; 503 when drawing fails.</summary>
    internal static IResult Svg<T>(HttpContext http, ILoggerFactory logs, string kind, IReadOnlyList<T> data, Func<string> draw)
    {
        var etag = "\"" + Hash(kind, data) + "\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = SvgPolicy;
        if (http.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (!Drawn.TryGetValue(etag, out var svg))
        {
            try
            {
                svg = draw();
            }
#pragma warning disable CA1031 // A chart that cannot be drawn must not take the page down; the table beside it has the numbers.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logs.CreateLogger(typeof(ChartEndpoints)).LogWarning(e, "The chart {Kind} could not be drawn", kind);
                headers.Remove("ETag");
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (Drawn.Count >= CacheLimit)
            {
                Drawn.Clear();
            }

            Drawn[etag] = svg;
        }

        return Results.Text(svg, "image/svg+xml", Encoding.UTF8);
    }

    private static string Hash<T>(string kind, IReadOnlyList<T> data)
    {
        var text = new StringBuilder(kind);
        foreach (var item in data)
        {
            text.Append('\n').Append(Convert.ToString(item, CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}

/// <summary>What each dashboard chart shows, shared by the chart and the table beside it on the page.</summary>
public static class DashboardChartData
{
    /// <summary>One bar per initiative status (zeros included), "not recognised" last when there are such.</summary>
    public static IReadOnlyList<ChartBar> InitiativesByStatus(ProgrammeDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        return dashboard.Initiatives.Select(s => new ChartBar(Display.Words(s.Status, "not recognised"), s.Count)).ToList();
    }

    /// <summary>One bar per area with records: achievements, challenges, initiatives and recommendations together.</summary>
    public static IReadOnlyList<ChartBar> RecordsByArea(ProgrammeDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        return dashboard.Areas.Select(a => new ChartBar(a.Name, a.Total)).ToList();
    }

    /// <summary>The dated observations of an indicator, at the first day of each period.</summary>
    public static IReadOnlyList<ChartPoint> Points(IndicatorSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Points.Select(p => new ChartPoint(p.Period!.Value.Earliest, (double)p.Value)).ToList();
    }
}
