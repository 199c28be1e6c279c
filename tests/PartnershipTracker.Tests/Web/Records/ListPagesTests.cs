using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Records;

/// <summary>List pages: the filter form of the shared UI contract, filters, search, sorting, paging, bad query values.</summary>
public sealed class ListPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task InitiativesList_FilterForm_FollowsTheSharedContract()
    {
        int[] areaIds;
        await using (var db = app.Database.CreateContext())
        {
            areaIds = await db.Areas.OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync();
        }

        var page = await app.GetPageAsync("/initiatives");

        var form = page.QuerySelector("main form[method=get]")!;
        Assert.Equal("Status", Label(page, form.QuerySelector("select[name=status]")!));
        Assert.Equal(["", "Planned", "Launched", "Ongoing", "Completed", "Stalled", "Cancelled"], form.QuerySelectorAll("select[name=status] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Area", Label(page, form.QuerySelector("select[name=area]")!));
        Assert.Equal(areaIds.Select(Id), form.QuerySelectorAll("select[name=area] option").Skip(1).Select(o => o.GetAttribute("value")!));
        Assert.Equal("Search", Label(page, form.QuerySelector("input[type=search][name=q]")!));
        Assert.NotNull(form.QuerySelector("[name=sort]"));
        Assert.NotNull(form.QuerySelector("[name=dir]"));
        Assert.Equal("Filter", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Equal("/initiatives/new", page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "New initiative").GetAttribute("href"));

        var challenges = await app.GetPageAsync("/challenges");
        Assert.Equal("Severity", Label(challenges, challenges.QuerySelector("main form[method=get] select[name=severity]")!));
        var recommendations = await app.GetPageAsync("/recommendations");
        Assert.Equal("Cycle", Label(recommendations, recommendations.QuerySelector("main form[method=get] [name=cycle]")!));
    }

    [Fact]
    public async Task InitiativesList_StatusAreaAndSearch_ShowExactlyTheMatchingRecords()
    {
        List<Initiative> all;
        await using (var db = app.Database.CreateContext())
        {
            var stalled = await db.Initiatives.OrderBy(i => i.Id).Skip(1).FirstAsync();
            stalled.Status = InitiativeStatus.Stalled;
            await db.SaveChangesAsync();
            all = await db.Initiatives.AsNoTracking().ToListAsync();
        }

        var byStatus = await app.GetPageAsync("/initiatives?status=Stalled");
        Assert.Equal(all.Where(i => i.Status == InitiativeStatus.Stalled).Select(i => i.Name).Order(StringComparer.Ordinal), RowNames(byStatus).Order(StringComparer.Ordinal));
        Assert.Equal("Stalled", byStatus.QuerySelector("select[name=status] option[selected]")!.GetAttribute("value"));

        var areaId = all.Where(i => i.AreaId != null).GroupBy(i => i.AreaId!.Value).OrderByDescending(g => g.Count()).First().Key;
        var byArea = await app.GetPageAsync($"/initiatives?area={areaId}");
        Assert.Equal(all.Where(i => i.AreaId == areaId).OrderBy(i => i.Id).Select(i => i.Name), RowNames(byArea));

        var bySearch = await app.GetPageAsync("/initiatives?q=cyber");
        var expected = all.Where(i => new[] { i.Name, i.FocusArea, i.StatusLabel, i.LeadInstitution }.Any(f => f?.Contains("cyber", StringComparison.OrdinalIgnoreCase) == true))
            .OrderBy(i => i.Id).Select(i => i.Name).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, RowNames(bySearch));
        Assert.Equal("cyber", bySearch.QuerySelector("main input[name=q]")!.GetAttribute("value"));
        Assert.Equal($"Showing 1–{expected.Count} of {expected.Count}", bySearch.QuerySelector(".pagination .showing")!.TextContent.Trim());
    }

    [Fact]
    public async Task ChallengesAndRecommendations_SeverityAndCycle_Filter()
    {
        List<Challenge> challenges;
        List<Recommendation> recommendations;
        await using (var db = app.Database.CreateContext())
        {
            var first = await db.Challenges.OrderBy(c => c.Id).FirstAsync();
            first.Severity = Severity.High;
            var issued = await db.Recommendations.OrderBy(r => r.Id).Skip(1).FirstAsync();
            issued.Cycle = "2031";
            await db.SaveChangesAsync();
            challenges = await db.Challenges.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
            recommendations = await db.Recommendations.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        }

        var high = await app.GetPageAsync("/challenges?severity=High");
        Assert.Equal(challenges.Where(c => c.Severity == Severity.High).Select(c => c.Title), RowNames(high));

        var byCycle = await app.GetPageAsync("/recommendations?cycle=2031");
        Assert.Equal([recommendations[1].Id], byCycle.QuerySelectorAll("main tbody tr").Select(r => int.Parse(r.QuerySelector("th a")!.GetAttribute("href")!["/recommendations/".Length..], CultureInfo.InvariantCulture)));
        Assert.Equal("2031", byCycle.QuerySelector("input[name=cycle]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AreasList_SortByName_AscendingThenDescendingWithAriaSort()
    {
        List<string> names;
        await using (var db = app.Database.CreateContext())
        {
            names = (await db.Areas.Select(a => a.Name).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        }

        var ascending = await app.GetPageAsync("/areas?sort=name");
        Assert.Equal(names, RowNames(ascending));
        var header = ascending.QuerySelectorAll("main thead th").Single(th => th.TextContent.Trim() == "Area");
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Equal("/areas?dir=desc&sort=name", header.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(ascending.QuerySelectorAll("main thead th").Single(th => th.TextContent.Trim() == "MAP chapter").GetAttribute("aria-sort"));

        var descending = await app.GetPageAsync(header.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(names.AsEnumerable().Reverse(), RowNames(descending));
        Assert.Equal("descending", descending.QuerySelectorAll("main thead th").Single(th => th.TextContent.Trim() == "Area").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task SourcesList_MoreThanAPage_PagesWithShowingPreviousNext()
    {
        List<string> titles;
        await using (var db = app.Database.CreateContext())
        {
            titles = await db.Sources.OrderBy(s => s.Id).Select(s => s.Title).ToListAsync();
        }

        Assert.True(titles.Count is > 50 and <= 100, $"the example has {titles.Count} sources");
        var first = await app.GetPageAsync("/sources");
        Assert.Equal($"Showing 1–50 of {titles.Count}", first.QuerySelector(".pagination .showing")!.TextContent.Trim());
        Assert.Equal("/sources?page=2", first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".pagination a[rel=prev]"));

        var second = await app.GetPageAsync("/sources?page=2");
        Assert.Equal(titles.Skip(50), RowNames(second));
        Assert.Equal($"Showing 51–{titles.Count} of {titles.Count}", second.QuerySelector(".pagination .showing")!.TextContent.Trim());
        Assert.Equal("/sources", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".pagination a[rel=next]"));
        Assert.Equal("2", second.QuerySelector(".pagination a[aria-current=page]")!.TextContent);
        Assert.Equal(["1", "2"], second.QuerySelectorAll(".pagination li a").Select(a => a.TextContent));
    }

    [Theory]
    [InlineData("/initiatives?status=Paused", "status must be one of Planned, Launched, Ongoing, Completed, Stalled, Cancelled (not 'Paused')")]
    [InlineData("/initiatives?sort=colour", "sort must be one of id, name, status, start, end (not 'colour')")]
    [InlineData("/initiatives?page=abc", "page must be a whole number from 1 (not 'abc')")]
    [InlineData("/initiatives?area=-3", "area must be a whole number from 1 (not '-3')")]
    [InlineData("/initiatives?dir=sideways", "dir must be asc or desc (not 'sideways')")]
    [InlineData("/initiatives?severity=High", "severity is not a filter of initiative lists")]
    [InlineData("/initiatives?page=40", "there is no page 40; the last page is 1")]
    public async Task InitiativesList_BadQueryValue_ShowsTheListWithAMessage(string path, string message)
    {
        int count;
        await using (var db = app.Database.CreateContext())
        {
            count = await db.Initiatives.CountAsync();
        }

        var page = await app.GetPageAsync(path);

        Assert.Contains(message, page.QuerySelectorAll(".query-messages li").Select(li => li.TextContent.Trim()));
        if (!path.Contains("page=40", StringComparison.Ordinal))
        {
            Assert.Equal(count, page.QuerySelectorAll("main tbody tr").Length);
        }
    }

    [Fact]
    public async Task InitiativesList_NothingMatches_SaysSo()
    {
        var page = await app.GetPageAsync("/initiatives?q=no-such-initiative-anywhere");

        Assert.Empty(page.QuerySelectorAll("main table"));
        Assert.StartsWith("No initiative matches these filters.", page.QuerySelector("main .empty")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("No initiatives to show", page.QuerySelector(".pagination .showing")!.TextContent.Trim());
    }

    private static string Label(IHtmlDocument page, IElement control) =>
        page.QuerySelector($"label[for={control.Id}]")!.TextContent.Trim();

    private static List<string> RowNames(IHtmlDocument page) =>
        page.QuerySelectorAll("main tbody th[scope=row] a").Select(a => a.TextContent.Trim()).ToList();

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
