using System.Net;
using Microsoft.EntityFrameworkCore;

namespace PartnershipTracker.Tests.Web;

/// <summary>The error page for a bug (here: a table gone from the database). Own database: it breaks it.</summary>
public sealed class ErrorPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task PageThatThrows_Returns500PageWithoutInternals()
    {
        await app.GetPageAsync("/");
        await using (var db = app.Database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE Achievements");
        }

        // The test host runs in the Development environment, where a stack trace would be most tempting to show.
        using var response = await app.Client.GetAsync(new Uri("/achievements", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Achievements", html.Replace("href=\"/achievements\"", "", StringComparison.Ordinal).Replace(">Achievements<", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
