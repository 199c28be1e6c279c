using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Web;

/// <summary>
/// The real application (started through <c>Program</c> and <c>CliApp</c>, as <c>ptrack serve</c>) on a temp SQLite
/// file of its own. The file starts absent, so the app's start-up migrates it and loads the example programme.
/// </summary>
public sealed class PtrackWebFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Database:ConnectionString", connectionString);
}

/// <summary>One application and one database per test class (xUnit class fixture).</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private static readonly HtmlParser Parser = new();

    public TempSqliteDatabase Database { get; private set; } = null!;

    public PtrackWebFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TempSqliteDatabase.CreateAsync(migrate: false);
        Factory = new PtrackWebFactory("Data Source=" + Database.FilePath + ";Pooling=False");
        Client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>GETs a page, checks the status, and parses the HTML.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string path, int expectedStatus = 200)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"GET {path}: expected {expectedStatus}, got {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="path"/> (the client keeps its cookie).</summary>
    public async Task<string> TokenAsync(string path)
    {
        var page = await GetPageAsync(path);
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>Posts a form as a browser would: <paramref name="fields"/> and the antiforgery token taken from <paramref name="pageWithToken"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string pageWithToken, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(pageWithToken);
        using var form = new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
        return await Client.PostAsync(new Uri(path, UriKind.Relative), form);
    }
}
