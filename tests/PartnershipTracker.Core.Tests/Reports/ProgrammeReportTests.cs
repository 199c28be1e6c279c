using Microsoft.Extensions.Time.Testing;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Reports;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;
using static PartnershipTracker.Core.Tests.Reports.ReportText;

namespace PartnershipTracker.Core.Tests.Reports;

public sealed class ProgrammeReportTests(ExampleReportFixture fixture) : IClassFixture<ExampleReportFixture>
{
    private const string Truncated = "<mark class=\"truncated\">truncated in source</mark>";

    [Fact]
    public void Render_Html_InitiativesShowStatusWithTheSourceLabelWhenItsWordingDiffers()
    {
        var section = HtmlSection(fixture.Html, "Initiatives");

        Assert.Equal(["Defense Reform Program", "Structural Modernization", "ongoing", "—", "source #1, lines 40–42"], HtmlRow(section, "Defense Reform Program"));
        Assert.Equal(["Cybersecurity Initiative", "Digital Threat Protection (Cybersecurity)", "launched (Launched 2023)", "2023", "source #1, lines 43–45"], HtmlRow(section, "Cybersecurity Initiative"));
    }

    [Fact]
    public void Render_Markdown_InitiativesShowStatusLabelAndSince()
    {
        var section = MarkdownSection(fixture.Markdown, "Initiatives");

        Assert.Equal(["Defense Reform Program", "Structural Modernization", "ongoing", "—", "source #1, lines 40–42"], MarkdownRow(section, "Defense Reform Program"));
        Assert.Equal(["Cybersecurity Initiative", "Digital Threat Protection (Cybersecurity)", "launched (Launched 2023)", "2023", "source #1, lines 43–45"], MarkdownRow(section, "Cybersecurity Initiative"));
    }

    [Fact]
    public void Render_ProgressAreas_CybersecurityChallengeIsMarkedTruncatedInSource()
    {
        var html = HtmlSection(fixture.Html, "Progress areas");
        var markdown = MarkdownSection(fixture.Markdown, "Progress areas");

        Assert.Contains($"<td>Limited national {Truncated} (<a class=\"cite\" href=\"#source-1\">source #1, lines 14–16</a>)</td>", html, StringComparison.Ordinal);
        Assert.Equal(
            ["Cybersecurity", "Implementation of new protocols (source #1, lines 14–16)", "Limited national *(truncated in source)* (source #1, lines 14–16)"],
            MarkdownRow(markdown, "Cybersecurity"));
        Assert.Equal(
            ["Defense Reform", "Enhanced interoperability (source #1, lines 11–13)", "Slow legislative approval (source #1, lines 11–13)"],
            MarkdownRow(markdown, "Defense Reform"));
        Assert.Equal(1, CountOf(fixture.Html, Truncated));
    }

    [Fact]
    public void Render_KeyObstacles_ListsCrossCuttingChallengesWithTheirImpact()
    {
        var rows = HtmlRows(HtmlSection(fixture.Html, "Key obstacles"));

        Assert.Equal(["Complex constitutional setup", "Defence budget limitations", "Delays in defense property registration"], rows.Select(r => r[0]));
        Assert.Equal(["Complex constitutional setup", "Restricting centralized decision-making on defense matters.", "unrated", "open", "source #1, line 5"], rows[0]);
    }

    [Fact]
    public void Render_GdpIndicator_ShowsEveryObservationWithItsOwnSource()
    {
        var rows = HtmlRows(HtmlSection(fixture.Html, "Indicators"));
        var bdm2023 = SourceId("https://balkandefencemonitor.com/category/defence-expenditures/page/2/");
        var bdm2024 = SourceId("https://balkandefencemonitor.com/defence-expenditure-bosnia-and-herzegovina-2024/");
        var fena = SourceId("https://abnase.com/bih-allocates-0-9-percent-of-gdp-for-defense-the-bih-af-lack-1500-professional-military-personnel/");

        Assert.Equal(["2021", "0.74% of GDP", $"source #{bdm2023}: Balkan Defence Monitor, 2023 entry"], Assert.Single(rows, r => r[1] == "0.74% of GDP")[..3]);
        Assert.Equal(["2024 entry", "0.69% of GDP", $"source #{bdm2024}: BDM, early 2024"], Assert.Single(rows, r => r[1] == "0.69% of GDP")[..3]);
        var westernBalkans = SourceId("https://thewesternbalkans.com/bosnia-and-herzegovina-allocates-only-0-9-of-gdp-for-defense/");
        Assert.Equal(["Apr 2024", "0.9% of GDP", $"source #{fena}: FENA, 24 Apr 2024; also source #{westernBalkans}"], Assert.Single(rows, r => r[1] == "0.9% of GDP")[..3]);
    }

    [Fact]
    public void Render_GdpIndicator_DoesNotGroupAnObservationWhoseYearIsNotStated()
    {
        var html = HtmlSection(fixture.Html, "Indicators");
        var markdown = MarkdownSection(fixture.Markdown, "Indicators");

        // "0.69%" is a 2024 entry of the Balkan Defence Monitor, but the year measured is not stated: it is
        // not put beside the MoD's 0.9% of April 2024 as if both sources spoke of 2024.
        Assert.DoesNotContain("Reported for 2024", markdown, StringComparison.Ordinal);
        Assert.Equal(0, CountOf(html, "<tr class=\"overlap\">"));
    }

    [Fact]
    public void Render_TwoSourcesForOnePeriod_StandSideBySideWithBothKept()
    {
        var programme = new ProgrammeRow(1, "test", "Test programme", "NATO", "BIH", "", "annual", "");
        var gdp = new IndicatorRow(1, "Defence spending as share of GDP", "% of GDP", IndicatorDirection.HigherIsBetter, null,
        [
            new ObservationRow(1, 0.74m, null, new PartialDate(2021), "2021", 7, "Balkan Defence Monitor", null, "medium", null),
            new ObservationRow(2, 0.81m, null, new PartialDate(2021, 6), "Jun 2021", 8, "Ministry of Defence", null, "medium", null),
            new ObservationRow(3, 0.9m, null, new PartialDate(2024, 4), "Apr 2024", 8, "Ministry of Defence", null, "medium", null),
        ]);
        var overview = new ProgrammeOverview(programme, [], [], [], [], [], [], [gdp], [], [], new Dictionary<(RecordType, int), IReadOnlyList<Citation>>());

        var markdown = new ProgrammeReport(TimeProvider.System).Render(overview, ReportFormat.Markdown);
        var html = new ProgrammeReport(TimeProvider.System).Render(overview, ReportFormat.Html);

        Assert.Contains("Reported for 2021 by 2 sources, all kept as reported: 0.74% of GDP (2021, source #7); 0.81% of GDP (Jun 2021, source #8).", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Reported for 2024", markdown, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "<tr class=\"overlap\">"));
    }

    [Fact]
    public void Render_PropertyIndicator_ShowsCountsOutOfTheListSize()
    {
        var rows = MarkdownRows(MarkdownSection(fixture.Markdown, "Indicators"));

        var first = Assert.Single(rows, r => r[1] == "23 of 63 properties");
        Assert.Equal("c. Dec 2015", first[0]);
        Assert.StartsWith($"source #{SourceId("https://sarajevotimes.com/minister-marina-pendes-the-process-of-registration-of-military-property-intensified/")}: [Sarajevo Times", first[2], StringComparison.Ordinal);
        Assert.Equal(2, rows.Count(r => r[1] == "31 of 57 properties"));
    }

    [Fact]
    public void Render_DataQuality_ListsWhatIngestRemovedWithItsLines()
    {
        var rows = HtmlRows(HtmlSection(fixture.Html, "Data quality"));

        Assert.Contains(rows, r => r.Take(3).SequenceEqual(["source #1 article.txt", "removed: assistant-text", "line 16"]) && r[3].StartsWith("It looks like your HTML content was cut off", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Take(3).SequenceEqual(["source #1 article.txt", "removed: code-fence", "line 17"]));
        Assert.Contains(rows, r => r.Take(3).SequenceEqual(["source #1 article.txt", "removed: duplicate", "lines 18–29"]));
        Assert.Contains(rows, r => r.Take(3).SequenceEqual(["source #1 article.txt", "flagged: truncated-cell", "line 16"]));
        Assert.Contains("| source #1 article.txt | removed: duplicate | lines 18–29 | Over the past decade", fixture.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BothFormats_HaveEverySectionHeadingInOrder()
    {
        string[] headings =
        [
            "Programme summary", "Progress areas", "Key obstacles", "Initiatives", "Development areas",
            "Recommendations", "Milestones", "Indicators", "Sources", "Data quality",
        ];

        Assert.Equal(headings, ProgrammeReport.SectionHeadings);
        var html = headings.Select(h => fixture.Html.IndexOf($"\">{h}</h2>", StringComparison.Ordinal)).ToList();
        var markdown = headings.Select(h => fixture.Markdown.IndexOf($"\n## {h}\n", StringComparison.Ordinal)).ToList();
        Assert.All(html, i => Assert.True(i > 0));
        Assert.All(markdown, i => Assert.True(i > 0));
        Assert.Equal(html.Order(), html);
        Assert.Equal(markdown.Order(), markdown);
        Assert.StartsWith("# NATO – Bosnia and Herzegovina: progress report\n", fixture.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Summary_ShowsProgrammeAndTheInjectedTime()
    {
        Assert.Contains("<dt>Alliance</dt><dd>NATO</dd>", fixture.Html, StringComparison.Ordinal);
        Assert.Contains("<dt>Partner</dt><dd>BIH</dd>", fixture.Html, StringComparison.Ordinal);
        Assert.Contains("<dt>Generated</dt><dd>2026-11-30 09:15 UTC</dd>", fixture.Html, StringComparison.Ordinal);
        Assert.Contains("- **Review cycle:** annual\n", fixture.Markdown, StringComparison.Ordinal);
        Assert.Contains("- **Generated:** 2026-11-30 09:15 UTC\n", fixture.Markdown, StringComparison.Ordinal);
        Assert.Contains("Since 2019 it submits a Reform Programme", MarkdownSection(fixture.Markdown, "Programme summary"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_IsSelfContainedWithAPrintStylesheet()
    {
        Assert.StartsWith("<!DOCTYPE html>", fixture.Html, StringComparison.Ordinal);
        Assert.Contains("@media print", fixture.Html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", fixture.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", fixture.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", fixture.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", fixture.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", fixture.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", fixture.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", fixture.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_Milestones_AreOrderedByDateWithTheDateAsTheSourceWroteIt()
    {
        var rows = HtmlRows(HtmlSection(fixture.Html, "Milestones"));

        Assert.Equal(22, rows.Count);
        Assert.Equal(["2 Dec 2004", "Dec 2006"], rows.Take(2).Select(r => r[0]));
        Assert.Equal("23 Oct 2025 (UNCERTAIN year)", rows[^1][0]);
        var map = Assert.Single(rows, r => r[1] == "MAP invitation, Tallinn");
        Assert.Equal("22 Apr 2010", map[0]);
        Assert.Equal("high", map[3]);
        Assert.Equal($"source #{SourceId("https://www.nato.int/cps/en/natohq/news_62811.htm")}", map[4]);
    }

    [Fact]
    public void Render_Sources_ListsTheArticleWithShortHashAndFlags()
    {
        var article = HtmlRow(HtmlSection(fixture.Html, "Sources"), "1");
        var source = fixture.Overview.Sources.Single(s => s.Id == 1);

        Assert.Equal(["1", "Progress and Challenges in NATO Bosnian Partnership", "—", "—", "article.txt", "1", source.Sha256![..12], "unknown", string.Join(", ", source.DataQualityFlags)], article);
        Assert.StartsWith("assistant-text, code-fence, duplicate, ", article[8], StringComparison.Ordinal);
        Assert.Contains("<tr id=\"source-1\">", fixture.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_DocumentTextWithMarkup_IsEncodedInHtmlAndEscapedInMarkdown()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        var overview = await ExampleReportFixture.LoadExampleAsync(database, async db =>
        {
            var cyber = db.Areas.Single(a => a.Name == "Cybersecurity");
            db.Achievements.Add(new Achievement { ProgrammeId = cyber.ProgrammeId, AreaId = cyber.Id, Title = "<script>alert(1)</script>" });
            db.Achievements.Add(new Achievement { ProgrammeId = cyber.ProgrammeId, AreaId = cyber.Id, Title = "Pipes | and *stars* and [links](x)" });
            await db.SaveChangesAsync();
        });
        var report = new ProgrammeReport(new FakeTimeProvider(ExampleReportFixture.GeneratedAt));

        var html = report.Render(overview, ReportFormat.Html);
        var markdown = report.Render(overview, ReportFormat.Markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>", html, StringComparison.Ordinal);
        var row = MarkdownRow(MarkdownSection(markdown, "Progress areas"), "Cybersecurity");
        Assert.Equal(3, row.Length);
        Assert.Equal(
            "Implementation of new protocols (source #1, lines 14–16)<br>\\<script\\>alert(1)\\</script\\><br>Pipes \\| and \\*stars\\* and \\[links\\](x)",
            row[1]);
    }

    private int SourceId(string url) => fixture.Overview.Sources.Single(s => s.Url == url).Id;

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
