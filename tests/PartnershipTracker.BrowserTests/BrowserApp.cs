using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartnershipTracker.Testing;

// One Chromium at a time: the tests share two cores with the build and each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PartnershipTracker.BrowserTests;

/// <summary>
/// The real application (through <c>Program</c>, as <c>ptrack serve</c>) listening on a free port of 127.0.0.1 with a temp
/// SQLite file of its own, and Debian's Chromium driven by Playwright. The file starts absent, so the app's start-up
/// migrates it and loads the example programme. One per test class (xUnit class fixture).
/// </summary>
/// <remarks>
/// The fixture adds an admin, <see cref="AdminName"/> (password <see cref="TestUsers.Password"/>), and
/// <see cref="NewContextAsync"/> signs each new context in as them through <c>/login</c> unless told not to.
/// </remarks>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>The admin every context is signed in as by default; the actor of the changes the tests make.</summary>
    public const string AdminName = "test-admin";

    /// <summary>Debian's Chromium; <c>PTRACK_CHROMIUM</c> names another executable. No browser is downloaded.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("PTRACK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private KestrelFactory Factory { get; set; } = null!;

    private IPlaywright Playwright { get; set; } = null!;

    public TempSqliteDatabase Database { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is not at {ChromiumPath}: install Debian's chromium (.ci/run does).");
        Database = await TempSqliteDatabase.CreateAsync(migrate: false);
        Factory = new KestrelFactory("Data Source=" + Database.FilePath + ";Pooling=False");
        Factory.UseKestrel();
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
        await using (var db = Database.CreateContext())
        {
            await TestUsers.CreateAsync(db, AdminName, Domain.Role.Admin, Domain.Classification.NatoSecret, null, "NATO");
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// A fresh browser context (1280×800 unless given) whose relative URLs resolve against the app, signed in as
    /// <see cref="AdminName"/> through the sign-in form unless <paramref name="signedIn"/> is false (then no cookies).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, bool acceptDownloads = false, bool signedIn = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = acceptDownloads,
        });
        if (signedIn)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/login");
            await page.FillAsync("#login-name", AdminName);
            await page.FillAsync("#login-password", TestUsers.Password);
            await page.ClickAsync("form.login-form button[type=submit]");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/login");
            Assert.True(new Uri(page.Url).AbsolutePath == "/", $"sign-in as {AdminName} ended at {page.Url}");
            await page.CloseAsync();
        }

        return context;
    }

    /// <summary>Opens <paramref name="path"/> in a new page of <paramref name="context"/> and checks the HTTP status.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, string path, int expectedStatus = 200)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response is not null && response.Status == expectedStatus, $"GET {path}: expected {expectedStatus}, got {response?.Status}");
        return page;
    }

    /// <summary>The app on Kestrel at <c>http://127.0.0.1:0</c> (a free port) instead of the in-memory test server.</summary>
    private sealed class KestrelFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseSetting("Database:ConnectionString", connectionString)
                .UseSetting("urls", "http://127.0.0.1:0")
                // Every browser context signs in through /login from 127.0.0.1: more than the default 10 a minute.
                .UseSetting("Security:LoginRateLimit", "1000");
    }
}
