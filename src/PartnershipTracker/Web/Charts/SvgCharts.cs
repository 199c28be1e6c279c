using System.Globalization;
using ScottPlot;

namespace PartnershipTracker.Web.Charts;

/// <summary>One bar of a bar chart: its label and value.</summary>
public sealed record ChartBar(string Label, double Value);

/// <summary>One point of a trend line: the first day of its period, and its value.</summary>
public sealed record ChartPoint(DateOnly Date, double Value);

/// <summary>
/// Charts drawn on the server as SVG with ScottPlot (docs/adr/0012-search-and-charts.md). Text is drawn with the
/// machine's fonts (SkiaSharp through fontconfig; DejaVu Sans on Debian). Every chart the pages show also has its
/// numbers in a table beside it, so a chart that cannot be drawn loses nothing.
/// </summary>
public static class SvgCharts
{
    private const int Width = 640;

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        return plot;
    }

    /// <summary>Horizontal bars, one per item, labelled on the left, each with its value at its end.</summary>
    public static string Bars(string title, string valueAxis, IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var plot = NewPlot();
        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)(bars.Count - 1 - i)).ToArray();
        var series = plot.Add.Bars(positions, bars.Select(b => b.Value).ToArray());
        series.Horizontal = true;
        foreach (var bar in series.Bars)
        {
            bar.Label = bar.Value.ToString("0.##", CultureInfo.InvariantCulture);
            bar.FillColor = Colors.SteelBlue;
        }

        series.ValueLabelStyle.FontSize = 13;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            bars.Select((b, i) => new Tick(positions[i], b.Label)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.Title(title);
        plot.XLabel(valueAxis);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.1);
        var height = 90 + (Math.Max(bars.Count, 1) * 30);
        return plot.GetSvgXml(Width, height);
    }

    /// <summary>A line through the points in date order, a marker on each, dates on the horizontal axis.</summary>
    public static string Trend(string title, string unit, IReadOnlyList<ChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = NewPlot();
        var xs = points.Select(p => p.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var ys = points.Select(p => p.Value).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.Color = Colors.SteelBlue;
        line.LineWidth = 2;
        line.MarkerSize = points.Count > 40 ? 0 : 6;
        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.YLabel(unit);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.1);
        return plot.GetSvgXml(Width, 280);
    }
}
