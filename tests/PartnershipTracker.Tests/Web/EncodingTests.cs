using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web;

/// <summary>Text that came from a document is shown as text, never run as markup. Own database: it adds records.</summary>
public sealed class EncodingTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task RecordWithScriptInTitle_IsRenderedEncoded()
    {
        // The first request makes sure the app has readied the database before we write to it.
        await app.GetPageAsync("/");
        await using var db = app.Database.CreateContext();
        var programme = await db.Programmes.SingleAsync();
        var source = await db.Sources.FirstAsync(s => s.FileName == "article.txt");
        var initiative = new Initiative { ProgrammeId = programme.Id, Name = Script, StatusLabel = Script, Status = InitiativeStatus.Planned };
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync();
        db.Evidence.Add(new Evidence { RecordType = RecordType.Initiative, RecordId = initiative.Id, SourceId = source.Id, Quote = Script, LineStart = 1, LineEnd = 1 });
        await db.SaveChangesAsync();

        foreach (var path in new[] { "/", "/initiatives", $"/initiatives/{initiative.Id}" })
        {
            using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            response.EnsureSuccessStatusCode();
            Assert.DoesNotContain(Script, html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);

            var page = await app.GetPageAsync(path);
            Assert.Empty(page.Scripts);
            Assert.Contains(Script, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        var detail = await app.GetPageAsync($"/initiatives/{initiative.Id}");
        Assert.Equal(Script, detail.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(Script, detail.QuerySelector(".evidence blockquote")!.TextContent);
    }
}
