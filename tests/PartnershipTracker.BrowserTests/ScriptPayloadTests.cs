using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PartnershipTracker.BrowserTests;

/// <summary>
/// Script in an ingested document never runs (PRODUCT.md C9): a Markdown and an HTML document whose titles, table cells
/// and list items carry script payloads are uploaded through <c>/ingest</c> and stored, then every page that shows their
/// text is opened in Chromium. A trap on <c>window.__pwned</c> (set by every payload), dialog and console handlers and
/// the CSP violation events show whether anything ran; each page must also show the payload as text, so a page that
/// dropped the text instead of escaping it fails too.
/// </summary>
public sealed class ScriptPayloadTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>The payloads, as text in the documents; each sets <c>window.__pwned</c> if it runs.</summary>
    private static readonly string[] Payloads =
    [
        "<script>window.__pwned=1</script>",
        "<img src=x onerror=\"window.__pwned=2\">",
        "<svg onload=\"window.__pwned=3\">",
        "javascript:window.__pwned=4",
        "\"><script>window.__pwned=5</script>",
        "{{constructor.constructor('window.__pwned=6')()}}",
    ];

    /// <summary>Defines <c>window.__pwned</c> as a trap before any script of the page: a write is recorded, the read stays undefined.</summary>
    private const string Trap = """
        Object.defineProperty(window, '__pwned', {
          configurable: false,
          get: function () { return undefined; },
          set: function (v) { (window.__ptrackRan = window.__ptrackRan || []).push(String(v)); }
        });
        window.__ptrackCsp = [];
        document.addEventListener('securitypolicyviolation', function (e) {
          window.__ptrackCsp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
        });
        """;

    [Fact]
    public async Task IngestedScript_ShowsAsText_AndNeverRuns()
    {
        await using var context = await app.NewContextAsync();
        await context.AddInitScriptAsync(Trap);
        var events = new ConcurrentQueue<string>();

        // The Markdown document: payloads in the title, list items, a link and table cells (initiatives).
        var markdown = new StringBuilder("# Zebrafinch notes " + Payloads[0] + "\n\n");
        markdown.Append("- Zebrafinch item " + Payloads[1] + "\n- [Zebrafinch link](" + Payloads[3] + ")\n- Zebrafinch item " + Payloads[5] + "\n\n");
        markdown.Append("| Initiative | Status |\n|---|---|\n");
        for (var i = 0; i < Payloads.Length; i++)
        {
            markdown.Append("| Zebrafinch ").Append(i + 1).Append(' ').Append(Payloads[i]).Append(" | Planned |\n");
        }

        // The HTML document: the same payloads as text (escaped in the source, so they are the document's words) in
        // the title, a list and a table, and as live markup the reader must not keep as markup.
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Quagga " + Escape(Payloads[0]) + "</title></head><body>");
        html.Append("<h1>Quagga report " + Escape(Payloads[4]) + "</h1><script>window.__pwned=7</script>");
        html.Append("<ul><li>Quagga item " + Escape(Payloads[2]) + "</li><li><a href=\"javascript:window.__pwned=8\">Quagga link</a></li></ul>");
        html.Append("<table><thead><tr><th>Initiative</th><th>Status</th></tr></thead><tbody>");
        for (var i = 0; i < Payloads.Length; i++)
        {
            html.Append("<tr><td>Quagga ").Append(i + 1).Append(' ').Append(Escape(Payloads[i])).Append("</td><td>Planned</td></tr>");
        }

        html.Append("</tbody></table><img src=x onerror=\"window.__pwned=9\"></body></html>");

        var visited = new List<string>();
        var sources = new List<string>();
        foreach (var (name, text) in new[] { ("zebrafinch.md", markdown.ToString()), ("quagga.html", html.ToString()) })
        {
            var page = await NewWatchedPageAsync(context, events);
            await page.GotoAsync("/ingest");
            await page.SetInputFilesAsync("#document", new FilePayload { Name = name, MimeType = name.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown" : "text/html", Buffer = Encoding.UTF8.GetBytes(text) });
            await page.ClickAsync("form button[type=submit]:has-text('Read and preview')");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/ingest/drafts/", StringComparison.Ordinal));
            await CheckAsync(page, "the preview of " + name, Payloads[0], events);
            visited.Add(new Uri(page.Url).AbsolutePath);
            await page.ClickAsync("form button[type=submit]:has-text('Store')");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/sources/", StringComparison.Ordinal));
            sources.Add(new Uri(page.Url).AbsolutePath);
            await page.CloseAsync();
        }

        await using var db = app.Database.CreateContext();
        var zebra = await db.Initiatives.Where(i => i.Name.StartsWith("Zebrafinch ")).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        var quagga = await db.Initiatives.Where(i => i.Name.StartsWith("Quagga ")).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        Assert.Equal(Payloads.Length, zebra.Count);
        Assert.Equal(Payloads.Length, quagga.Count);

        // Each page and a payload it must show as text.
        var pages = new List<(string Path, string Expected)>
        {
            (sources[0], Payloads[0]),
            (sources[1], Payloads[0]),
            ("/initiatives", Payloads[1]),
            ("/search?q=Zebrafinch", Payloads[2]),
            ("/search?q=Quagga", Payloads[2]),
            ("/", "Zebrafinch"),
            ("/report?format=html&includeDrafts=true", Payloads[4]),
            ("/admin/audit", "Zebrafinch"),
        };
        for (var i = 0; i < Payloads.Length; i++)
        {
            pages.Add(($"/initiatives/{zebra[i]}", Payloads[i]));
        }

        // Two of the HTML document's records are enough to show its text reaches the detail page escaped (under 60 s).
        pages.Add(($"/initiatives/{quagga[0]}", Payloads[0]));
        pages.Add(($"/initiatives/{quagga[1]}", Payloads[1]));

        // The report is sent as a download; to open it as a page, its answer reaches the browser with every header the
        // application sent (its CSP included) except Content-Disposition.
        await context.RouteAsync("**/report?*", async route =>
        {
            var fetched = await route.FetchAsync();
            var headers = fetched.Headers.Where(h => !h.Key.Equals("content-disposition", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value);
            await route.FulfillAsync(new() { Response = fetched, Headers = headers });
        });

        foreach (var (path, expected) in pages)
        {
            var page = await NewWatchedPageAsync(context, events);
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: 200 }, $"GET {path}: {response?.Status}");
            await CheckAsync(page, path, expected, events);
            visited.Add(path);
            await page.CloseAsync();
        }

        Assert.True(events.IsEmpty, "script ran or was blocked: " + string.Join(" | ", events));
        Assert.Equal(pages.Count + 2, visited.Count);
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static async Task<IPage> NewWatchedPageAsync(IBrowserContext context, ConcurrentQueue<string> events)
    {
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            events.Enqueue($"{page.Url}: dialog '{dialog.Message}'");
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            // A failed load is reported by the request handler below (the browser's own favicon.ico request is not).
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                events.Enqueue($"{page.Url}: console {message.Type} '{message.Text}'");
            }
        };
        page.Request += (_, request) =>
        {
            // An <img src=x> of a payload that became an element would fetch "x" relative to the page.
            if (new Uri(request.Url).Segments[^1] == "x")
            {
                events.Enqueue($"{page.Url}: a payload element loaded {request.Url}");
            }
        };
        page.PageError += (_, error) => events.Enqueue($"{page.Url}: page error '{error}'");
        return page;
    }

    /// <summary>Nothing ran on <paramref name="page"/>, no CSP violation, and <paramref name="expected"/> is on it as text.</summary>
    private static async Task CheckAsync(IPage page, string where, string expected, ConcurrentQueue<string> events)
    {
        // Give onload/onerror handlers, had any been created, a moment to fire.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Null(await page.EvaluateAsync<object?>("window.__pwned"));
        var ran = await page.EvaluateAsync<string[]>("window.__ptrackRan || []");
        Assert.True(ran.Length == 0, $"{where}: a payload set window.__pwned = {string.Join(", ", ran)}");
        var violations = await page.EvaluateAsync<string[]>("window.__ptrackCsp || []");
        Assert.True(violations.Length == 0, $"{where}: CSP violations: {string.Join(" | ", violations)}");
        Assert.Equal(0, await page.Locator("body script").CountAsync());
        var text = await page.InnerTextAsync("body");
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{where}: the text '{expected}' is not shown");
        Assert.True(events.IsEmpty, $"{where}: " + string.Join(" | ", events));
    }
}
