using System.Text.Json;

namespace PartnershipTracker.Tests.Cli;

[Collection("Environment")]
public sealed class ConfigCommandTests
{
    [Fact]
    public async Task ConfigShow_PasswordInConnectionString_IsRedacted()
    {
        var run = await CliRunner.RunAsync(
            "Data Source=/tmp/never-opened.db;Password=hunter2",
            new Dictionary<string, string> { ["Ingest__MaxFileBytes"] = "12345" },
            "config", "show");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("hunter2", run.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("Data Source=/tmp/never-opened.db;Password=***", json.RootElement.GetProperty("database").GetProperty("connectionString").GetString());
        Assert.Equal(12345, json.RootElement.GetProperty("ingest").GetProperty("maxFileBytes").GetInt64());
        Assert.Equal(
            ["Cyber Security", "Cyber Defense", "Cyber Defence", "Digital Threat Protection"],
            json.RootElement.GetProperty("ingest").GetProperty("areaAliases").GetProperty("Cybersecurity").EnumerateArray().Select(e => e.GetString()));
        Assert.False(File.Exists("/tmp/never-opened.db"));
    }

    [Fact]
    public async Task ConfigShow_IngestLimits_ShowsTheirDefaults()
    {
        var run = await CliRunner.RunAsync("Data Source=/tmp/never-opened.db", "config", "show");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var ingest = json.RootElement.GetProperty("ingest");
        Assert.Equal(
            (1000, 100_000, "00:00:30"),
            (ingest.GetProperty("maxPages").GetInt32(), ingest.GetProperty("maxLineLength").GetInt32(), ingest.GetProperty("maxProcessingTime").GetString()));
    }

    [Theory]
    [InlineData("Ingest__MaxPages", "0", "Ingest:MaxPages must be a positive number of pages, not 0")]
    [InlineData("Ingest__MaxLineLength", "-1", "Ingest:MaxLineLength must be a positive number of characters, not -1")]
    [InlineData("Ingest__MaxProcessingTime", "00:00:00", "Ingest:MaxProcessingTime must be a positive time of at most 1.00:00:00 (e.g. 00:00:30), not 00:00:00")]
    [InlineData("Ingest__MaxProcessingTime", "30", "Ingest:MaxProcessingTime must be a positive time of at most 1.00:00:00 (e.g. 00:00:30), not 30.00:00:00")]
    public async Task ConfigShow_InvalidIngestLimit_ExitsTwoNamingTheSetting(string variable, string value, string message)
    {
        var run = await CliRunner.RunAsync("Data Source=/tmp/never-opened.db", new Dictionary<string, string> { [variable] = value }, "config", "show");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: configuration: " + message, run.Error.Trim());
    }

    [Fact]
    public async Task ConfigShow_InvalidLimit_ExitsTwoNamingTheSetting()
    {
        var run = await CliRunner.RunAsync("Data Source=/tmp/never-opened.db", new Dictionary<string, string> { ["Ingest__MaxFileBytes"] = "-5" }, "config", "show");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: configuration: Ingest:MaxFileBytes must be a positive number of bytes, not -5", run.Error.Trim());
    }
}
