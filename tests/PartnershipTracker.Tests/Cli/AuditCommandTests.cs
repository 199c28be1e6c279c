using System.Text.Json;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

/// <summary><c>ptrack audit</c>: filters, the JSON array, and bad dates refused with exit code 2.</summary>
[Collection("Environment")]
public sealed class AuditCommandTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() =>
        _database = await TempSqliteDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Audit_JsonSinceAndEvent_OneArrayWithTheReportExport()
    {
        var report = await CliRunner.RunAsync(_database.ConnectionString, "report", "--format", "md", "--include-drafts");
        Assert.Equal(0, report.ExitCode);

        var exports = await CliRunner.RunAsync(_database.ConnectionString, "audit", "--since", "2000-01-01", "--event", "export", "--json");
        var future = await CliRunner.RunAsync(_database.ConnectionString, "audit", "--since", "2999-01-01", "--json");
        var records = await CliRunner.RunAsync(_database.ConnectionString, "audit", "--event", "record", "--limit", "5", "--json");

        Assert.Equal((0, ""), (exports.ExitCode, exports.Error));
        using var json = JsonDocument.Parse(exports.Out);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(
            ["id", "at", "actor", "event", "recordType", "recordId", "remoteAddress", "details"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("cli", "export", JsonValueKind.Null), (entry.GetProperty("actor").GetString(), entry.GetProperty("event").GetString(), entry.GetProperty("recordType").ValueKind));
        Assert.Equal(
            ("report", "md", "nato-bih", true),
            (entry.GetProperty("details").GetProperty("kind").GetString(), entry.GetProperty("details").GetProperty("format").GetString(),
                entry.GetProperty("details").GetProperty("programme").GetString(), entry.GetProperty("details").GetProperty("includeDrafts").GetBoolean()));
        Assert.Equal((0, "[]"), (future.ExitCode, future.Out.Trim()));
        using var recordJson = JsonDocument.Parse(records.Out);
        Assert.Equal(5, recordJson.RootElement.GetArrayLength());
        Assert.All(recordJson.RootElement.EnumerateArray(), e => Assert.StartsWith("record.", e.GetProperty("event").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_Table_ShowsTheNewestEntries()
    {
        await CliRunner.RunAsync(_database.ConnectionString, "report", "--format", "html");

        var run = await CliRunner.RunAsync(_database.ConnectionString, "audit", "--event", "export");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("When (UTC)", run.Out, StringComparison.Ordinal);
        Assert.Contains("export", run.Out, StringComparison.Ordinal);
        Assert.Contains("cli", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--until", "2026-13-01")]
    public async Task Audit_BadDate_Exit2NamingTheOption(string option, string value)
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "audit", option, value);

        Assert.Equal((2, ""), (run.ExitCode, run.Out));
        Assert.Equal($"ptrack: {option}: '{value}' is not a date; use yyyy-MM-dd or an ISO 8601 instant such as 2026-11-30T08:00:00Z" + Environment.NewLine, run.Error);
    }

    [Fact]
    public async Task Audit_SinceAfterUntil_Exit2()
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "audit", "--since", "2026-11-30", "--until", "2026-11-29");

        Assert.Equal((2, ""), (run.ExitCode, run.Out));
        Assert.Equal("ptrack: --since (2026-11-30) is after --until (2026-11-29): no entry could match" + Environment.NewLine, run.Error);
    }
}
