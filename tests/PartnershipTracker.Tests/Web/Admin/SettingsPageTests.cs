using System.Net;
using PartnershipTracker.Infrastructure;

namespace PartnershipTracker.Tests.Web.Admin;

/// <summary>/admin/settings: the effective settings of the running application, read-only, never a secret.</summary>
public sealed class SettingsPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task SettingsPage_ShowsEffectiveSettingsAndHowToChangeThem()
    {
        var page = await app.GetPageAsync("/admin/settings");
        string Value(string key) => page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == key).QuerySelector("td")!.TextContent;

        Assert.Equal("Sqlite", Value("Database:Provider"));
        Assert.Equal(app.Database.FilePath, Value("(database file)"));
        Assert.Equal("5", Value("Security:LockoutFailures"));
        Assert.Equal("1000", Value("Security:LoginRateLimit"));
        Assert.Equal("false", Value("Security:AllowAnonymousRead"));
        Assert.Equal("false", Value("Security:RequireMfa"));
        Assert.Equal("none", Value("Security:TrustedProxies"));
        Assert.Equal("20", Value("Security:BearerFailureLimit"));
        Assert.Equal("52428800", Value("Ingest:MaxFileBytes"));
        Assert.Contains("Security__LockoutMinutes=30", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form"));
    }

    [Theory]
    [InlineData("Data Source=/srv/ptrack.db;Password=Sup3r-secret", "Data Source=/srv/ptrack.db;Password=***")]
    [InlineData("Data Source=./data/ptrack.db", "Data Source=./data/ptrack.db")]
    [InlineData("Data Source=x;Nonsense Key=1", "(unreadable connection string)")]
    public void Redact_ConnectionString_PasswordNeverShown(string connectionString, string shown) =>
        Assert.Equal(shown, ConnectionStrings.Redact(connectionString));

    [Fact]
    public async Task SettingsPage_Viewer_403()
    {
        await app.CreateUserAsync("settings-viewer", Domain.Role.Viewer);
        using var viewer = await app.SignedInClientAsync("settings-viewer");

        using var response = await viewer.GetAsync(new Uri("/admin/settings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
