using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web;

public sealed class RecordPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("/areas", "Cybersecurity")]
    [InlineData("/achievements", "Enhanced interoperability")]
    [InlineData("/challenges", "Complex constitutional setup")]
    [InlineData("/initiatives", "Defense Reform Program")]
    [InlineData("/milestones", "Partnership for Peace (PfP) accession")]
    [InlineData("/recommendations", "Regular high-level consultations")]
    [InlineData("/indicators", "Defence spending as share of GDP")]
    [InlineData("/sources", "Progress and Challenges in NATO Bosnian Partnership")]
    public async Task ListPage_ExampleProgramme_HasOneRowPerRecordUpToAPage(string path, string knownName)
    {
        await using var db = app.Database.CreateContext();
        var expected = await CountAsync(db, path);

        var page = await app.GetPageAsync(path);

        Assert.Single(page.QuerySelectorAll("h1"));
        var rows = page.QuerySelectorAll("main table tbody tr");
        Assert.Equal(Math.Min(expected, 50), rows.Length);
        Assert.Equal($"Showing 1–{Math.Min(expected, 50)} of {expected}", page.QuerySelector(".pagination .showing")!.TextContent.Trim());
        Assert.True(expected > 1, $"the example has several records on {path}");
        Assert.Contains(rows, r => r.QuerySelector("th[scope=row] a")?.TextContent.Trim() == knownName);
        Assert.All(page.QuerySelectorAll("main th"), th => Assert.True(th.HasAttribute("scope"), "every table header has a scope"));
    }

    [Fact]
    public async Task ListPages_KnownValues_AreWrittenAsStored()
    {
        var initiatives = await app.GetPageAsync("/initiatives");
        var cyber = initiatives.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("Cybersecurity Initiative", StringComparison.Ordinal));
        Assert.Equal(["Digital Threat Protection (Cybersecurity)", "launched", "Launched 2023", "2023"], cyber.QuerySelectorAll("td").Take(4).Select(c => c.TextContent.Trim()));

        var challenges = await app.GetPageAsync("/challenges");
        var limited = challenges.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("Limited national", StringComparison.Ordinal));
        Assert.NotNull(limited.QuerySelector(".truncated"));
        Assert.Single(challenges.QuerySelectorAll(".truncated"));

        var sources = await app.GetPageAsync("/sources");
        var article = sources.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("Progress and Challenges in NATO Bosnian Partnership", StringComparison.Ordinal));
        Assert.Contains("assistant-text", article.QuerySelectorAll(".flag").Select(f => f.TextContent));
    }

    [Fact]
    public async Task InitiativeDetail_ShowsEvidenceQuoteLinesAndSourceLinks()
    {
        await using var db = app.Database.CreateContext();
        var initiative = await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative");
        var evidence = await db.Evidence.SingleAsync(e => e.RecordType == RecordType.Initiative && e.RecordId == initiative.Id);

        var page = await app.GetPageAsync($"/initiatives/{initiative.Id}");

        Assert.Equal("Cybersecurity Initiative", page.QuerySelector("h1")!.TextContent.Trim());
        var item = Assert.Single(page.QuerySelectorAll(".evidence li"));
        Assert.Equal("Cybersecurity Initiative | Digital Threat Protection | Launched 2023", item.QuerySelector("blockquote")!.TextContent);
        var links = item.QuerySelectorAll("a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent.Trim())).ToList();
        Assert.Contains(($"/sources/{evidence.SourceId}", "Progress and Challenges in NATO Bosnian Partnership"), links);
        Assert.Contains(($"/sources/{evidence.SourceId}#L43", "line 43–45"), links);

        // The anchor is there on the source page, on the line the quote starts on.
        var source = await app.GetPageAsync($"/sources/{evidence.SourceId}");
        Assert.Equal("Cybersecurity Initiative", source.GetElementById("L43")!.QuerySelector("td")!.TextContent);
    }

    [Fact]
    public async Task SourceDetail_Article_ShowsHashFlagsIngestReportAndNumberedText()
    {
        await using var db = app.Database.CreateContext();
        var article = await db.Sources.SingleAsync(s => s.FileName == "article.txt");

        var page = await app.GetPageAsync($"/sources/{article.Id}");

        Assert.Equal(article.Sha256, page.QuerySelector(".sha")!.TextContent.Trim());
        Assert.Equal(article.DataQualityFlags, page.QuerySelectorAll("dd .flag").Select(f => f.TextContent));
        var report = page.QuerySelectorAll("table[aria-labelledby='ingest-report'] tbody tr");
        var assistant = report.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "removed: assistant-text");
        Assert.Equal("line 16", assistant.QuerySelector("td a")!.TextContent.Trim());
        Assert.Equal("#L16", assistant.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Contains(report, r => r.QuerySelector("th")!.TextContent.Trim() == "flagged: truncated-cell");

        var lines = page.QuerySelectorAll("table.source-text tbody tr");
        Assert.Equal(article.Content!.TrimEnd('\n').Split('\n').Length, lines.Length);
        Assert.Equal("Limited national It looks like your HTML content was cut off at the end.", page.GetElementById("L16")!.QuerySelector("td")!.TextContent[..72]);
    }

    [Fact]
    public async Task IndicatorDetail_ListsEveryObservationWithItsSource()
    {
        await using var db = app.Database.CreateContext();
        var indicator = await db.Indicators.Include(i => i.Observations).ThenInclude(o => o.Source)
            .SingleAsync(i => i.Name == "Defence spending as share of GDP");

        var page = await app.GetPageAsync($"/indicators/{indicator.Id}");

        var rows = page.QuerySelectorAll("table[aria-labelledby='observations'] tbody tr");
        Assert.Equal(indicator.Observations.Count, rows.Length);
        var values = rows.Select(r => r.QuerySelector("td.number")!.TextContent.Trim()).Order(StringComparer.Ordinal);
        Assert.Equal(["0.69", "0.74", "0.9"], values);
        foreach (var observation in indicator.Observations)
        {
            Assert.Contains(rows, r => r.QuerySelector($"a[href='/sources/{observation.SourceId}']")?.TextContent == observation.Source!.Title);
        }
    }

    [Theory]
    [InlineData("/areas/{0}")]
    [InlineData("/achievements/{0}")]
    [InlineData("/challenges/{0}")]
    [InlineData("/milestones/{0}")]
    [InlineData("/recommendations/{0}")]
    [InlineData("/indicators/{0}")]
    [InlineData("/sources/{0}")]
    public async Task DetailPage_FirstRecord_HasOneHeadingAndEvidenceOrText(string pattern)
    {
        var page = await app.GetPageAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, 1));

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.True(page.QuerySelector("#evidence-heading") is not null || page.QuerySelector("table.source-text") is not null);
    }

    [Theory]
    [InlineData("/initiatives/999999", "initiative 999999 does not exist")]
    [InlineData("/sources/999999", "source 999999 does not exist")]
    [InlineData("/no/such/page", "There is no page at this address")]
    public async Task MissingPage_Returns404PageWithoutInternals(string path, string message)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at PartnershipTracker", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Running_IsOk()
    {
        using var response = await app.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stylesheet_IsServedByTheApp()
    {
        var page = await app.GetPageAsync("/");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.StartsWith("/css/site.css", href, StringComparison.Ordinal);

        using var response = await app.Client.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@media print", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportLink_InNavigation_ServesTheHtmlReport()
    {
        var page = await app.GetPageAsync("/");
        var href = page.QuerySelector("nav a[href^='/report']")!.GetAttribute("href")!;

        using var response = await app.Client.GetAsync(new Uri(href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Cybersecurity Initiative", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<int> CountAsync(PtrackDbContext db, string path) => path switch
    {
        "/areas" => db.Areas.CountAsync(),
        "/achievements" => db.Achievements.CountAsync(),
        "/challenges" => db.Challenges.CountAsync(),
        "/initiatives" => db.Initiatives.CountAsync(),
        "/milestones" => db.Milestones.CountAsync(),
        "/recommendations" => db.Recommendations.CountAsync(),
        "/indicators" => db.Indicators.CountAsync(),
        "/sources" => db.Sources.CountAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    [Fact]
    public async Task SourcePage_SecondSourceOfAnObservation_ListsTheIndicatorAsCiting()
    {
        await using var db = app.Database.CreateContext();
        var second = await db.Sources.SingleAsync(s => s.Url == "https://thewesternbalkans.com/bosnia-and-herzegovina-allocates-only-0-9-of-gdp-for-defense/");
        var gdp = await db.Indicators.SingleAsync(i => i.Name == "Defence spending as share of GDP");

        var source = await app.GetPageAsync($"/sources/{second.Id}");
        var indicator = await app.GetPageAsync($"/indicators/{gdp.Id}");

        Assert.Contains(source.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/indicators/{gdp.Id}" && a.TextContent.StartsWith("Defence spending as share of GDP: 0.9", StringComparison.Ordinal));
        Assert.Contains(indicator.QuerySelectorAll("td"), td => td.TextContent.Contains("also", StringComparison.Ordinal) && td.QuerySelector($"a[href='/sources/{second.Id}']") is not null);
    }
}
