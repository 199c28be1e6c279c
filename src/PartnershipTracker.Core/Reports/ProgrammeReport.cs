using System.Globalization;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Reports;

/// <summary>
/// The programme progress report (PRODUCT.md C5): a <see cref="ProgrammeOverview"/> rendered as one
/// self-contained HTML file or as Markdown. Sections, in order: <see cref="SectionHeadings"/>.
/// </summary>
/// <remarks>
/// Nothing is invented: a value the records do not have is an em dash; a record whose text the source cut
/// off shows that text followed by a "truncated in source" mark; observations of overlapping periods from
/// different sources are all shown, next to each other, never merged or picked. Every row of records cites
/// its evidence as "source #N, line L", N being the source's id in the Sources section.
/// </remarks>
public sealed class ProgrammeReport(TimeProvider time)
{
    /// <summary>The section headings, in the order the report has them.</summary>
    public static IReadOnlyList<string> SectionHeadings { get; } =
    [
        "Programme summary", "Progress areas", "Key obstacles", "Initiatives", "Development areas",
        "Recommendations", "Milestones", "Indicators", "Sources", "Data quality",
    ];

    /// <summary>The report as one string.</summary>
    public string Render(ProgrammeOverview overview, ReportFormat format)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(overview, format, text);
        return text.ToString();
    }

    /// <summary>Writes the report to <paramref name="output"/> as it is produced.</summary>
    public void Write(ProgrammeOverview overview, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(overview);
        ArgumentNullException.ThrowIfNull(output);
        ReportWriter writer = format == ReportFormat.Html ? new HtmlReportWriter(output) : new MarkdownReportWriter(output);
        var title = $"{overview.Programme.Name}: progress report";
        writer.StartDocument(title);
        writer.Heading(1, title, "report");
        Summary(writer, overview);
        ProgressAreas(writer, overview);
        KeyObstacles(writer, overview);
        Initiatives(writer, overview);
        DevelopmentAreas(writer, overview);
        Recommendations(writer, overview);
        Milestones(writer, overview);
        Indicators(writer, overview);
        Sources(writer, overview);
        DataQuality(writer, overview);
        writer.EndDocument();
    }

    private void Summary(ReportWriter writer, ProgrammeOverview overview)
    {
        var programme = overview.Programme;
        Section(writer, 0);
        writer.Facts(
        [
            ("Programme", Inline.Of(programme.Name)),
            ("Alliance", Inline.Of(programme.Alliance)),
            ("Partner", Inline.Of(programme.PartnerIso3)),
            ("Frameworks", Inline.Of(programme.Frameworks)),
            ("Review cycle", Inline.Of(programme.ReviewCycle)),
            ("Generated", new Inline().Plain(time.GetUtcNow().ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))),
        ]);
        writer.Paragraph(Inline.Of(programme.Summary));
        writer.Paragraph(new Inline().Plain(ReviewScope(overview)));
    }

    /// <summary>
    /// What the report covers in the review workflow, said every time: "Approved records only; 3 records awaiting review
    /// are left out." followed, when some records show their approved version, by "2 records show their approved
    /// version because a newer edit awaits review."
    /// </summary>
    public static string ReviewScope(ProgrammeOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        if (!overview.ApprovedOnly)
        {
            return "All records, including drafts and records awaiting review.";
        }

        var leftOut = overview.AwaitingReview switch
        {
            0 when overview.ShownAsApproved > 0 => "Approved records only; no record is left out.",
            0 => "Approved records only; no record is awaiting review.",
            1 => "Approved records only; 1 record awaiting review is left out.",
            var n => $"Approved records only; {n.ToString(CultureInfo.InvariantCulture)} records awaiting review are left out.",
        };
        return overview.ShownAsApproved switch
        {
            0 => leftOut,
            1 => leftOut + " 1 record shows its approved version because a newer edit awaits review.",
            var n => $"{leftOut} {n.ToString(CultureInfo.InvariantCulture)} records show their approved version because a newer edit awaits review.",
        };
    }

    /// <summary>
    /// The name the progress areas table gives records whose area is not approved, in an approved-only report: the
    /// record is approved (or shown as approved) and counted, but the draft area's name is not.
    /// </summary>
    public const string AreaAwaitingReview = "Area awaiting review";

    private static void ProgressAreas(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 1);
        // A record whose area the report does not list (an area awaiting review, in an approved-only report) is shown
        // in one row of its own, under AreaAwaitingReview: counted, without the draft area's name.
        const int awaiting = -1;
        var listed = overview.Areas.Select(a => a.Id).ToHashSet();
        int? Row(int? areaId) => areaId is int id && !listed.Contains(id) ? awaiting : areaId;
        var achievements = overview.Achievements.ToLookup(a => Row(a.AreaId));
        var challenges = overview.Challenges.Where(c => !c.IsCrossCutting).ToLookup(c => Row(c.AreaId));
        IEnumerable<(string? Name, int? Id)> areas = overview.Areas.Select(a => ((string?)a.Name, (int?)a.Id));
        if (achievements.Contains(awaiting) || challenges.Contains(awaiting))
        {
            areas = areas.Append((AreaAwaitingReview, awaiting));
        }

        if (achievements.Contains(null))
        {
            areas = areas.Append((null, null));
        }

        writer.Table(
            ["Area", "Achievements", "Ongoing challenges"],
            areas.Where(a => achievements.Contains(a.Id) || challenges.Contains(a.Id)).Select(a => new Row(
            [
                Cell.Of(a.Name),
                new Cell(achievements[a.Id].Select(x => Cited(Inline.Of(x.Title, x.TruncatedInSource), overview, RecordType.Achievement, x.Id)).ToList()),
                new Cell(challenges[a.Id].Select(x => Cited(Inline.Of(x.Title, x.TruncatedInSource), overview, RecordType.Challenge, x.Id)).ToList()),
            ])));
    }

    private static void KeyObstacles(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 2);
        writer.Table(
            ["Obstacle", "Impact", "Severity", "Status", "Evidence"],
            overview.Challenges.Where(c => c.IsCrossCutting).Select(c => new Row(
            [
                Cell.Of(c.Title, c.TruncatedInSource && c.Impact is null),
                Cell.Of(c.Impact, c.TruncatedInSource && c.Impact is not null),
                Cell.Of(Words(c.Severity)),
                Cell.Of(Words(c.Status)),
                Evidence(overview, RecordType.Challenge, c.Id),
            ])));
    }

    private static void Initiatives(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 3);
        writer.Table(
            ["Initiative", "Focus area", "Status", "Since", "Evidence"],
            overview.Initiatives.Select(i => new Row(
            [
                Cell.Of(i.Name, i.TruncatedInSource && i.StatusLabel is null),
                Cell.Of(i.FocusAreaShown),
                i.TruncatedInSource && i.StatusLabel is not null ? StatusWithMark(i) : Status(i),
                Cell.Of(i.Start?.ToString()),
                Evidence(overview, RecordType.Initiative, i.Id),
            ])));
    }

    private static void DevelopmentAreas(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 4);
        writer.Table(
            ["Area", "Description", "Also called", "Evidence"],
            overview.Areas.Where(a => !string.IsNullOrWhiteSpace(a.Description)).Select(a => new Row(
            [
                Cell.Of(a.Name),
                Cell.Of(a.Description),
                Cell.Of(a.Aliases.Count == 0 ? null : string.Join(", ", a.Aliases)),
                Evidence(overview, RecordType.Area, a.Id),
            ])));
    }

    private static void Recommendations(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 5);
        writer.Table(
            ["Focus area", "Strategic action", "Expected outcome", "Status", "Evidence"],
            overview.Recommendations.Select(r => new Row(
            [
                Cell.Of(r.FocusArea),
                Cell.Of(r.StrategicAction, r.TruncatedInSource && r.ExpectedOutcome is null),
                Cell.Of(r.ExpectedOutcome, r.TruncatedInSource && r.ExpectedOutcome is not null),
                Cell.Of(Words(r.Status)),
                Evidence(overview, RecordType.Recommendation, r.Id),
            ])));
    }

    private static void Milestones(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 6);
        writer.Table(
            ["Date", "Milestone", "Description", "Confidence", "Evidence"],
            overview.Milestones.OrderBy(m => m.Date is null).ThenBy(m => m.Date).ThenBy(m => m.Id).Select(m => new Row(
            [
                Cell.Of(m.DateText ?? m.Date?.ToString()),
                Cell.Of(m.Title),
                Cell.Of(m.Description),
                Cell.Of(m.Confidence),
                Evidence(overview, RecordType.Milestone, m.Id),
            ])));
    }

    private static void Indicators(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 7);
        if (overview.Indicators.Count == 0)
        {
            writer.Paragraph(new Inline().Plain("None recorded."));
            return;
        }

        var sources = overview.Sources.ToDictionary(s => s.Id);
        foreach (var indicator in overview.Indicators)
        {
            writer.Heading(3, indicator.Name, string.Create(CultureInfo.InvariantCulture, $"indicator-{indicator.Id}"));
            var about = new Inline().Plain("Unit: ").Text(indicator.Unit).Plain("; " + Words(indicator.Direction) + ".");
            if (!string.IsNullOrWhiteSpace(indicator.Description))
            {
                about.Plain(" ").Text(indicator.Description);
            }

            writer.Paragraph(about);

            // Ordered by period so that observations of overlapping periods stand next to each other; each is
            // its own row with its own source: a disagreement between sources stays visible. Only a stated period
            // counts: an observation whose period the source leaves open ("2024 entry") is grouped with none.
            var observations = indicator.Observations
                .Select(o => (Observation: o, o.Period))
                .OrderBy(o => o.Period is null).ThenBy(o => o.Period).ThenBy(o => o.Observation.Id)
                .ToList();
            var overlapping = observations
                .Where(o => o.Period is not null)
                .GroupBy(o => o.Period!.Value.Year)
                .Where(g => g.Select(o => o.Observation.SourceId).Distinct().Count() > 1)
                .ToList();
            var inOverlap = overlapping.SelectMany(g => g).Select(o => o.Observation.Id).ToHashSet();
            writer.Table(
                ["Period", "Value", "Source", "Confidence", "Note"],
                observations.Select(o => new Row(
                [
                    Cell.Of(o.Observation.PeriodText ?? o.Observation.Period?.ToString()),
                    new Inline().Plain(Value(o.Observation, indicator.Unit)),
                    Source(o.Observation, sources, overview.CitationsOf(RecordType.Observation, o.Observation.Id)),
                    Cell.Of(o.Observation.Confidence),
                    Cell.Of(o.Observation.Note),
                ], Class: inOverlap.Contains(o.Observation.Id) ? "overlap" : null)));
            foreach (var group in overlapping)
            {
                var line = new Inline().Plain(string.Create(CultureInfo.InvariantCulture,
                    $"Reported for {group.Key} by {group.Select(o => o.Observation.SourceId).Distinct().Count()} sources, all kept as reported: "));
                var first = true;
                foreach (var (observation, _) in group)
                {
                    line.Plain(first ? "" : "; ").Plain(Value(observation, indicator.Unit) + " (");
                    line.Text(observation.PeriodText ?? observation.Period?.ToString()).Plain(", ");
                    if (observation.SourceId is int id)
                    {
                        line.Citation(string.Create(CultureInfo.InvariantCulture, $"source #{id}"), id);
                    }
                    else
                    {
                        line.Add(new Span(SpanKind.Missing, Inline.EmDash));
                    }

                    line.Plain(")");
                    first = false;
                }

                writer.Paragraph(line.Plain("."));
            }
        }
    }

    private static void Sources(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 8);
        writer.Table(
            ["#", "Title", "Publisher", "URL", "File", "Version", "SHA-256", "Kind", "Data-quality flags"],
            overview.Sources.Select(s => new Row(
            [
                new Inline().Plain(Number(s.Id)),
                Cell.Of(s.Title),
                Cell.Of(s.Publisher),
                s.Url is null ? Cell.Of(null) : new Inline().Link(s.Url, s.Url),
                Cell.Of(s.FileName),
                new Inline().Plain(Number(s.Version)),
                Cell.Of(s.Sha256 is { Length: > 12 } sha ? sha[..12] : s.Sha256),
                Cell.Of(Words(s.Kind)),
                Cell.Of(s.DataQualityFlags.Count == 0 ? null : string.Join(", ", s.DataQualityFlags)),
            ], "source-" + Number(s.Id))));
    }

    private static void DataQuality(ReportWriter writer, ProgrammeOverview overview)
    {
        Section(writer, 9);
        writer.Paragraph(new Inline().Plain("What ingest removed from each source or flagged in it, with the lines of the source as ingested."));
        writer.Table(
            ["Source", "What", "Lines", "Text"],
            overview.DataQuality.Select(d => new Row(
            [
                new Inline().Citation("source #" + Number(d.SourceId), d.SourceId).Plain(" ").Text(d.Source),
                Cell.Of(d.What),
                Cell.Of(Lines(d.Line, d.LineEnd)),
                Cell.Of(d.Text),
            ])));
    }

    private static void Section(ReportWriter writer, int index)
    {
        var heading = SectionHeadings[index];
        writer.Heading(2, heading, heading.ToLowerInvariant().Replace(' ', '-'));
    }

    /// <summary>The enum value in words, and the source's label after it when it says something else.</summary>
    private static Inline Status(InitiativeRow initiative)
    {
        var status = initiative.Status is { } value ? Words(value) : null;
        var label = initiative.StatusLabel?.Trim();
        if (status is null)
        {
            return label is null ? Inline.Missing() : new Inline().Add(new Span(SpanKind.Missing, Inline.EmDash)).Plain(" (").Text(label).Plain(")");
        }

        return label is null || string.Equals(label, status, StringComparison.OrdinalIgnoreCase)
            ? new Inline().Plain(status)
            : new Inline().Plain(status + " (").Text(label).Plain(")");
    }

    private static Inline StatusWithMark(InitiativeRow initiative) =>
        Status(initiative).Add(new Span(SpanKind.Truncated, "truncated in source"));

    private static Inline Cited(Inline text, ProgrammeOverview overview, RecordType type, int id)
    {
        var citations = overview.CitationsOf(type, id);
        if (citations.Count == 0)
        {
            return text;
        }

        text.Plain(" (");
        AppendCitations(text, citations);
        return text.Plain(")");
    }

    private static Inline Evidence(ProgrammeOverview overview, RecordType type, int id)
    {
        var citations = overview.CitationsOf(type, id);
        return citations.Count == 0 ? Inline.Missing() : AppendCitations(new Inline(), citations);
    }

    private static Inline AppendCitations(Inline text, IReadOnlyList<Citation> citations)
    {
        for (var i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            var lines = Lines(c.LineStart, c.LineEnd);
            text.Plain(i == 0 ? "" : "; ")
                .Citation("source #" + Number(c.SourceId) + (lines is null ? "" : ", " + lines), c.SourceId);
        }

        return text;
    }

    /// <summary>"line 12", "lines 18–29", or null when the citation has no line (a source cited by URL).</summary>
    private static string? Lines(int? start, int? end) => (start, end) switch
    {
        (null, _) => null,
        (int s, int e) when e != s => string.Create(CultureInfo.InvariantCulture, $"lines {s}–{e}"),
        (int s, _) => "line " + Number(s),
    };

    /// <summary>The observation's source, then any other source that gives the same figure ("; also source #37").</summary>
    private static Cell Source(ObservationRow observation, Dictionary<int, SourceRow> sources, IReadOnlyList<Citation> citations)
    {
        if (observation.SourceId is not int id)
        {
            return Cell.Of(null);
        }

        var title = observation.SourceTitle ?? (sources.TryGetValue(id, out var source) ? source.Title : null);
        var text = new Inline().Citation("source #" + Number(id), id).Plain(": ");
        text = title is null ? text.Text(null) : text.Link(title, observation.SourceUrl);
        foreach (var other in citations.Select(c => c.SourceId).Where(s => s != id).Distinct())
        {
            text.Plain("; also ").Citation("source #" + Number(other), other);
        }

        return text;
    }

    /// <summary>"0.74 % of GDP", "23 of 63 properties", "54%".</summary>
    private static string Value(ObservationRow observation, string unit)
    {
        var value = observation.OutOf is { } outOf ? $"{Number(observation.Value)} of {Number(outOf)}" : Number(observation.Value);
        return string.IsNullOrWhiteSpace(unit) ? value : unit.StartsWith('%') ? value + unit : value + " " + unit;
    }

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An enum value as lower-case words: InProgress → "in progress", AllianceStatement → "alliance statement".</summary>
    internal static string Words<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
