using System.Net;
using System.Net.Sockets;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

[Collection("Environment")]
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_AddressInUse_ExitsOneWithOneLine()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var database = await TempSqliteDatabase.CreateAsync();

        var run = await CliRunner.RunAsync(database.ConnectionString, "serve", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"ptrack: cannot listen: Failed to bind to address http://127.0.0.1:{port}: address already in use.", line);
    }

    [Fact]
    public async Task Serve_MalformedUrl_ExitsTwoNamingTheOption()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();

        var run = await CliRunner.RunAsync(database.ConnectionString, "serve", "--urls", "notaurl");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: --urls: Invalid url: 'notaurl' (expected e.g. http://127.0.0.1:8080)", run.Error.Trim());
    }

    [Fact]
    public async Task Ingest_MalformedConnectionString_ExitsTwoNamingTheSetting()
    {
        var run = await CliRunner.RunAsync("garbage", "ingest", ExampleFiles.Article, "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("ptrack: configuration: Database:ConnectionString is not a SQLite connection string", run.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("Unrecognized command or argument 'frobnicate'. Try 'ptrack --help'.", "frobnicate")]
    [InlineData("Required argument missing for command: 'ingest'. Try 'ptrack ingest --help'.", "ingest")]
    [InlineData("Unrecognized command or argument '--frob'. Try 'ptrack ingest --help'.", "ingest", "x.txt", "--frob")]
    [InlineData("Required command was not provided. Try 'ptrack db --help'.", "db")]
    public async Task Run_BadUsage_OneLineWithTheVerbsHelp(string expected, params string[] args)
    {
        var run = await CliRunner.RunAsync("Data Source=/tmp/never-opened.db", args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: " + expected, run.Error.Trim());
    }
}
