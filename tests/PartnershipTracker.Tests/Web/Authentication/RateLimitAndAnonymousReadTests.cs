using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>The application with a login rate limit of 3 a minute.</summary>
public sealed class LowRateLimitFixture() : WebAppFixture(security => security.LoginRateLimit = 3);

/// <summary>The application with <c>Security:AllowAnonymousRead</c> on.</summary>
public sealed class AnonymousReadFixture() : WebAppFixture(security => security.AllowAnonymousRead = true);

public sealed class LoginRateLimitTests(LowRateLimitFixture app) : IClassFixture<LowRateLimitFixture>
{
    [Fact]
    public async Task Login_OverTheRateLimit_429WithRetryAfterAndAPage()
    {
        // The fixture's own sign-in spent one of the 3 attempts of this minute.
        using var client = app.AnonymousClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await WebAppFixture.PostLoginAsync(client, "nobody", "wrong");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Contains("Too many attempts", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        last.Dispose();
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

public sealed class AnonymousReadTests(AnonymousReadFixture app) : IClassFixture<AnonymousReadFixture>
{
    [Fact]
    public async Task AnonymousRead_SeesPublicRecordsOnly_AndChangesNothing()
    {
        int publicId;
        await using (var db = app.Database.CreateContext())
        {
            // The example programme is PUBLIC: every area but the first is marked NATO UNCLASSIFIED here.
            var areas = await db.Areas.OrderBy(a => a.Id).ToListAsync();
            foreach (var area in areas.Skip(1))
            {
                area.Classification = Classification.NatoUnclassified;
            }

            await db.SaveChangesAsync();
            publicId = areas[0].Id;
        }

        using var client = app.AnonymousClient();
        using var list = await client.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/areas", UriKind.Relative));
        using var post = await client.PostAsync(new Uri("/api/v1/areas", UriKind.Relative), new StringContent("{\"name\":\"Anon\"}", System.Text.Encoding.UTF8, "application/json"));
        using var newPage = await client.GetAsync(new Uri("/areas/new", UriKind.Relative));
        using var docs = await client.GetAsync(new Uri("/api/docs/index.html", UriKind.Relative));

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Redirect),
            (list.StatusCode, page.StatusCode, post.StatusCode, newPage.StatusCode, docs.StatusCode));
        using var items = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal([publicId], items.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        using var adminList = await app.Client.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));
        using var all = JsonDocument.Parse(await adminList.Content.ReadAsStringAsync());
        Assert.True(all.RootElement.GetProperty("items").GetArrayLength() > 1);
    }
}
