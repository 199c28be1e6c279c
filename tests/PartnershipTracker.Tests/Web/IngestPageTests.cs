using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Web;

/// <summary>The upload page: a document is read and previewed as a draft, and stored only when the person says so.</summary>
public sealed class IngestPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Upload_Article_ShowsThePreviewAndStoresNothingUntilStored()
    {
        var before = await CountsAsync();
        var changed = (await File.ReadAllTextAsync(ExampleFiles.Article)).Replace("Launched 2023", "Completed 2025", StringComparison.Ordinal);

        using var upload = await UploadAsync("article.txt", Encoding.UTF8.GetBytes(changed));

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var draftPath = upload.Headers.Location!.OriginalString;
        Assert.Matches(@"^/ingest/drafts/\d+$", draftPath);
        Assert.Equal(before, await CountsAsync());

        var page = await app.GetPageAsync(draftPath);
        Assert.StartsWith("Draft #", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var tables = page.QuerySelectorAll("#structure ~ ol table").ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(["Progress Area", "Achievements", "Ongoing Challenges"], tables[0].QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["Cybersecurity", "Implementation of new protocols", "Limited national cut off"], tables[0].QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td").Select(td => Collapse(td.TextContent)));
        var recordRows = page.QuerySelectorAll("table[aria-labelledby=records] tbody tr").Select(tr => string.Join(' ', tr.Children.Select(cell => Collapse(cell.TextContent)))).ToList();
        Assert.Equal(25, recordRows.Count);
        Assert.Contains("initiative Cybersecurity Initiative Cybersecurity Completed 2025 43", recordRows);
        var findings = page.QuerySelectorAll("table[aria-labelledby=findings] tbody th").Select(th => Collapse(th.TextContent)).ToList();
        Assert.Equal(["removed: assistant-text", "removed: code-fence", "removed: duplicate (first at line 3)", "flagged: truncated-cell"], findings);

        using var store = await PostFormAsync(draftPath + "?handler=Store", draftPath);

        Assert.Equal(HttpStatusCode.Redirect, store.StatusCode);
        Assert.Matches(@"^/sources/\d+$", store.Headers.Location!.OriginalString);
        await using var db = app.Database.CreateContext();
        Assert.Equal("Completed 2025", (await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative")).StatusLabel);
        Assert.False(await db.IngestDrafts.AnyAsync(d => d.Sha256 == Sha256(changed)));
        await app.GetPageAsync(draftPath, expectedStatus: 404);
    }

    [Fact]
    public async Task Upload_ThenDiscard_StoresNothingAndRemovesTheDraft()
    {
        var before = await CountsAsync();
        using var upload = await UploadAsync("notes.md", "# Notes\n\n| Initiative | Status |\n|---|---|\n| Border Data Exchange | Planned |\n"u8.ToArray());
        var draftPath = upload.Headers.Location!.OriginalString;
        var list = await app.GetPageAsync("/ingest");
        Assert.Contains(list.QuerySelectorAll("table[aria-labelledby=drafts] tbody th"), th => th.TextContent.StartsWith("notes.md", StringComparison.Ordinal));

        using var discard = await PostFormAsync(draftPath + "?handler=Discard", draftPath);

        Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        Assert.Equal("/ingest", discard.Headers.Location!.OriginalString);
        Assert.Equal(before, await CountsAsync());
        await app.GetPageAsync(draftPath, expectedStatus: 404);
    }

    [Fact]
    public async Task Upload_BinaryFile_ShowsTheErrorNextToTheFieldAndStagesNothing()
    {
        var before = await CountsAsync();

        using var upload = await UploadAsync("noise.txt", [0x00, 0x01, 0x02, 0xFF, 0x00]);
        var page = await Parser.ParseDocumentAsync(await upload.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Equal("noise.txt: file is binary, not a text document", page.QuerySelector("#document-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#document")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Upload_NoFile_AsksForOne()
    {
        using var upload = await UploadAsync(null, null);
        var page = await Parser.ParseDocumentAsync(await upload.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Equal("Choose a file to upload.", page.QuerySelector("#document-error")!.TextContent);
    }

    [Fact]
    public async Task Upload_MarkupInTheDocument_IsShownAsTextNeverAsMarkup()
    {
        var html = "<!doctype html><html><body><main><h1>Report</h1><p>Payload &lt;img src=x onerror=alert(1)&gt; here</p><table><tr><th>Initiative</th><th>Status</th></tr><tr><td>&lt;script&gt;alert(2)&lt;/script&gt;</td><td>Planned</td></tr></table></main></body></html>";

        using var upload = await UploadAsync("payload.html", Encoding.UTF8.GetBytes(html));
        using var response = await app.Client.GetAsync(upload.Headers.Location);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Payload &lt;img src=x onerror=alert(1)&gt; here", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(2)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        var drafts = await DraftCountAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent("text"u8.ToArray()), "Document", "a.txt" } };

        using var response = await app.Client.PostAsync(new Uri("/ingest", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(drafts, await DraftCountAsync());
    }

    [Fact]
    public async Task Upload_BodyOverTheLimit_Gets413BeforeItIsRead()
    {
        var limit = 50L * 1024 * 1024 + (1 << 20);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/ingest", UriKind.Relative))
        {
            Content = new ByteArrayContent(new byte[limit + 1]),
        };

        using var response = await app.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<h1>File too large</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_PostWithoutAHandler_Is405AndStoresNothing()
    {
        using var upload = await UploadAsync("handlerless.md", "# Handlerless\n\nA paragraph that waits for review and nothing more.\n"u8.ToArray());
        var draftPath = upload.Headers.Location!.OriginalString;

        using var none = await PostFormAsync(draftPath, draftPath);
        using var unknown = await PostFormAsync(draftPath + "?handler=Nope", draftPath);

        Assert.Equal((HttpStatusCode.MethodNotAllowed, HttpStatusCode.MethodNotAllowed), (none.StatusCode, unknown.StatusCode));
        Assert.Contains("<h1>Not allowed</h1>", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.GetPageAsync(draftPath);
    }

    [Fact]
    public async Task Draft_StoredTwiceAtOnce_IsStoredOnceAndTheOtherGets404()
    {
        using var upload = await UploadAsync("twice.md", "# Twice\n\nA paragraph stored by a double click on the store button.\n"u8.ToArray());
        var draftPath = upload.Headers.Location!.OriginalString;
        var sources = (await CountsAsync()).Item1;

        var token = await TokenAsync(draftPath);
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostTokenAsync(draftPath + "?handler=Store", token)));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.NotFound, HttpStatusCode.NotFound], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(sources + 1, (await CountsAsync()).Item1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Draft_Unknown_Is404()
    {
        var page = await app.GetPageAsync("/ingest/drafts/99999", expectedStatus: 404);

        Assert.Equal("draft #99999 does not exist (already accepted or discarded?)", page.QuerySelector("main p")!.TextContent.Trim());
    }

    /// <summary>Posts the upload form as a browser would: the antiforgery token from the page, the file as multipart.</summary>
    private async Task<HttpResponseMessage> UploadAsync(string? fileName, byte[]? bytes)
    {
        var token = await TokenAsync("/ingest");
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (fileName is not null)
        {
            var file = new ByteArrayContent(bytes!);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Document", fileName);
        }

        using (content)
        {
            return await app.Client.PostAsync(new Uri("/ingest", UriKind.Relative), content);
        }
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, string pageWithToken) => app.PostFormAsync(path, pageWithToken);

    private async Task<HttpResponseMessage> PostTokenAsync(string path, string token)
    {
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await app.Client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private Task<string> TokenAsync(string path) => app.TokenAsync(path);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<int> DraftCountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.IngestDrafts.CountAsync();
    }

    private async Task<(int, int, int, int)> CountsAsync()
    {
        // The first request starts the app, which creates the database and loads the example programme.
        await app.GetPageAsync("/ingest");
        await using var db = app.Database.CreateContext();
        return (await db.Sources.CountAsync(), await db.Initiatives.CountAsync(), await db.Evidence.CountAsync(), await db.Achievements.CountAsync());
    }
}
