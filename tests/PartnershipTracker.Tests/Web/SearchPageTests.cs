using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web;

/// <summary>The search page and the header's search box, on the example programme.</summary>
public sealed class SearchPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Search_NoQuery_ShowsTheFormOnly()
    {
        var page = await app.GetPageAsync("/search");

        var input = page.QuerySelector("main form input[name=q]")!;
        Assert.Equal("search", input.GetAttribute("type"));
        Assert.Equal("Search", page.QuerySelector($"label[for={input.Id}]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#results"));
    }

    [Fact]
    public async Task EveryPage_HasTheHeaderSearchBox()
    {
        foreach (var path in new[] { "/", "/search", "/initiatives" })
        {
            var page = await app.GetPageAsync(path);
            var form = page.QuerySelector("header form[role=search]")!;
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.NotNull(form.QuerySelector("input[type=search][name=q]"));
        }
    }

    [Fact]
    public async Task Search_WordInATitle_FindsTheRecordWithAMarkedSnippet()
    {
        var page = await app.GetPageAsync("/search?q=cybersecurity+initiative");

        var item = Results(page).Single(li => li.QuerySelector(".record-type")!.TextContent == "initiative");
        var link = item.QuerySelector("a")!;
        Assert.Equal("Cybersecurity Initiative", link.TextContent.Trim());
        Assert.Matches("^/initiatives/[0-9]+$", link.GetAttribute("href")!);
        Assert.Equal(["Cybersecurity", "Initiative"], item.QuerySelectorAll(".snippet mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task Search_SourceWithMarkupInItsText_ShowsTheMarkupAsText()
    {
        await app.GetPageAsync("/");
        int id;
        await using (var db = app.Database.CreateContext())
        {
            var source = new Source
            {
                ProgrammeId = (await db.Programmes.SingleAsync()).Id,
                Title = "Depot inspection",
                FileName = "depot.html",
                Content = "The zeppelinhangar held <script>alert('x')</script> and <img src=x onerror=alert(1)> behind the wall.",
            };
            db.Sources.Add(source);
            await db.SaveChangesAsync();
            id = source.Id;
        }

        var page = await app.GetPageAsync("/search?q=zeppelinhangar");

        var item = Assert.Single(Results(page));
        Assert.Equal($"/sources/{id}", item.QuerySelector("a")!.GetAttribute("href"));
        var snippet = item.QuerySelector(".snippet")!;
        Assert.Null(snippet.QuerySelector("script"));
        Assert.Null(snippet.QuerySelector("img"));
        Assert.Equal("zeppelinhangar", snippet.QuerySelector("mark")!.TextContent);
        Assert.Contains("<script>alert('x')</script> and <img src=x onerror=alert(1)>", snippet.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Search_DeletedRecord_NotFoundUntilRestored()
    {
        await app.GetPageAsync("/");
        await using var db = app.Database.CreateContext();
        var programmeRecord = await db.Recommendations.AsNoTracking().FirstAsync(r => r.StrategicAction == "Regular high-level consultations");

        await new DeleteRecord(db, app.Database.Time).HandleAsync(new RecordAtRevision(RecordType.Recommendation, programmeRecord.Id, programmeRecord.Revision));
        var whileDeleted = await app.GetPageAsync("/search?q=regular+consultations");
        await new RestoreRecord(app.Database.CreateContext()).HandleAsync(new RecordAtRevision(RecordType.Recommendation, programmeRecord.Id, programmeRecord.Revision + 1));
        var afterRestore = await app.GetPageAsync("/search?q=regular+consultations");

        Assert.DoesNotContain(Results(whileDeleted), li => li.QuerySelector("a")!.GetAttribute("href") == $"/recommendations/{programmeRecord.Id}");
        Assert.Contains(Results(afterRestore), li => li.QuerySelector("a")!.GetAttribute("href") == $"/recommendations/{programmeRecord.Id}");
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("AND+OR")]
    [InlineData("*")]
    [InlineData("defence%22+OR+%22x")]
    [InlineData("NEAR(defence")]
    public async Task Search_QuerySyntaxJunk_Is200(string q)
    {
        var page = await app.GetPageAsync("/search?q=" + q);

        Assert.Equal("Search", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Search_TooLongQuery_Is400WithTheMessageByTheField()
    {
        var page = await app.GetPageAsync("/search?q=" + new string('a', 600), 400);

        Assert.Equal("a search is at most 500 characters long", page.QuerySelector("#q-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("input#q")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Search_PageBeyondTheResults_SaysSoAndLinksBack()
    {
        var page = await app.GetPageAsync("/search?q=defence&page=3");

        Assert.Equal("No more results.", page.QuerySelector("#results + p")!.TextContent.Trim());
        Assert.Equal("/search?q=defence&page=2", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ApiSearch_Word_ListsItemsWithSnippetsAndCursor()
    {
        using var response = await app.Client.GetAsync(new Uri("/api/v1/search?q=cybersecurity+initiative", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("type").GetString() == "initiative");
        Assert.Equal("Cybersecurity Initiative", item.GetProperty("title").GetString());
        Assert.Equal("Cybersecurity Initiative", item.GetProperty("snippet").GetString());
        Assert.Equal("<mark>Cybersecurity</mark> <mark>Initiative</mark>", item.GetProperty("snippetHtml").GetString());
        Assert.Equal($"/initiatives/{item.GetProperty("id").GetInt32()}", item.GetProperty("url").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task ApiSearch_BadCursor_Is400ProblemNamingIt()
    {
        using var response = await app.Client.GetAsync(new Uri("/api/v1/search?q=defence&cursor=abc", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    private static List<AngleSharp.Dom.IElement> Results(IHtmlDocument page) =>
        page.QuerySelectorAll("ol.search-results > li").ToList();
}
