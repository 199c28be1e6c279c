using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Web;

/// <summary>
/// The real application (started through <c>Program</c> and <c>CliApp</c>, as <c>ptrack serve</c>) on a temp SQLite
/// file of its own. The file starts absent, so the app's start-up migrates it and loads the example programme.
/// </summary>
/// <remarks>
/// <paramref name="security"/> changes the <c>Security</c> settings (<c>AllowAnonymousRead</c>, <c>LoginRateLimit</c> …);
/// they are given as a service rather than as host settings, which the test host would pass to <c>ptrack</c> as
/// arguments. Unless it says otherwise the login rate limit is 1000 a minute: every client of the test server has
/// the same (absent) address.
/// </remarks>
public sealed class PtrackWebFactory(string connectionString, Action<SecurityOptions>? security = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:ConnectionString", connectionString);
        var options = new SecurityOptions { LoginRateLimit = 1000 };
        security?.Invoke(options);
        builder.ConfigureServices(services => services.AddSingleton(options));
    }
}

/// <summary>
/// One application and one database per test class (xUnit class fixture). <see cref="Client"/> is signed in as
/// <see cref="AdminName"/> (an admin cleared to NATO SECRET, organisation NATO): its cookie serves the pages and its
/// bearer token the API (under /api, changes are accepted with a bearer token only; see ADR 0015).
/// </summary>
public class WebAppFixture : IAsyncLifetime
{
    /// <summary>The signed-in admin of <see cref="Client"/>; the actor of the changes it makes.</summary>
    public const string AdminName = "test-admin";

    private static readonly HtmlParser Parser = new();

    private readonly Action<SecurityOptions>? _security;

    public WebAppFixture()
    {
    }

    /// <summary>A fixture whose application runs with other <c>Security</c> settings.</summary>
    protected WebAppFixture(Action<SecurityOptions> security) => _security = security;

    public TempSqliteDatabase Database { get; private set; } = null!;

    public PtrackWebFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TempSqliteDatabase.CreateAsync(migrate: false);
        Factory = new PtrackWebFactory("Data Source=" + Database.FilePath + ";Pooling=False", _security);
        // Starts the application, whose start-up creates the database.
        Client = AnonymousClient();
        await CreateUserAsync(AdminName, Role.Admin, Classification.NatoSecret, null, "NATO");
        await SignInAsync(Client, AdminName);
        await using var db = Database.CreateContext();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestUsers.CreateTokenAsync(db, AdminName, "fixture"));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Adds a user (password <see cref="TestUsers.Password"/>) to the application's database.</summary>
    public async Task<User> CreateUserAsync(
        string name, Role role, Classification clearance = Classification.NatoSecret, string? nationality = null, string? organisation = null)
    {
        await using var db = Database.CreateContext();
        return await TestUsers.CreateAsync(db, name, role, clearance, nationality, organisation);
    }

    /// <summary>A new client (cookies of its own, no redirects followed) signed in as <paramref name="name"/> through /login.</summary>
    public async Task<HttpClient> SignedInClientAsync(string name)
    {
        var client = AnonymousClient();
        await SignInAsync(client, name);
        return client;
    }

    /// <summary>A new client without cookies that sends a new API token of <paramref name="name"/> as <c>Authorization: Bearer</c>.</summary>
    public async Task<HttpClient> ApiClientAsync(string name)
    {
        await using var db = Database.CreateContext();
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestUsers.CreateTokenAsync(db, name));
        return client;
    }

    /// <summary>A new client that is not signed in (cookies of its own, no redirects followed).</summary>
    public HttpClient AnonymousClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs <paramref name="client"/> in as <paramref name="name"/> through the sign-in form; fails the test unless it answers 302.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string name, string password, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var html = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(
        [
            new("name", name), new("password", password), new("returnUrl", returnUrl ?? string.Empty), new("__RequestVerificationToken", token),
        ]);
        return await client.PostAsync(new Uri("/login", UriKind.Relative), form);
    }

    private static async Task SignInAsync(HttpClient client, string name)
    {
        using var response = await PostLoginAsync(client, name, TestUsers.Password);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"sign-in as {name}: expected 302, got {(int)response.StatusCode}");
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
