using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

/// <summary><c>ptrack user reset-mfa</c> and the two-factor column of <c>ptrack user list</c> through the real command line.</summary>
[Collection("Environment")]
public sealed class ResetMfaCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> NoExample = new() { ["Examples__LoadOnEmptyDatabase"] = "false" };

    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempSqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(_database.ConnectionString, NoExample, args);

    /// <summary>A user with two-factor sign-in on (a stored secret, 3 recovery codes) and one without.</summary>
    private async Task<int> SeedAsync()
    {
        await using var db = _database.CreateContext();
        var enrolled = await TestUsers.CreateAsync(db, "ines", Role.Viewer);
        await TestUsers.CreateAsync(db, "jonas", Role.Viewer);
        enrolled.TotpSecret = "protected-secret";
        enrolled.TotpEnabledAt = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        enrolled.LastTotpStep = 59_000_000;
        db.RecoveryCodes.AddRange(Enumerable.Range(0, 3).Select(i => new RecoveryCode { UserId = enrolled.Id, CodeHash = SecretTokens.Hash("code-" + i) }));
        await db.SaveChangesAsync();
        return enrolled.Id;
    }

    [Fact]
    public async Task ResetMfa_EnrolledUser_TurnsItOffDeletesCodesAndAudits()
    {
        var id = await SeedAsync();
        var listBefore = await RunAsync("user", "list", "--json");

        var run = await RunAsync("user", "reset-mfa", "INES");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Equal("user 'ines': two-factor sign-in is off and their recovery codes are deleted", run.Out.Trim());
        await using var db = _database.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        Assert.Equal((null, null, null), (user.TotpSecret, user.TotpEnabledAt, user.LastTotpStep));
        Assert.Equal(0, await db.RecoveryCodes.CountAsync());
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Event == "mfa.reset");
        Assert.Equal(("cli", "{\"userId\":" + id + ",\"user\":\"ines\",\"sessionsEnded\":0}"), (audit.Actor, audit.Details));
        var listAfter = await RunAsync("user", "list", "--json");
        Assert.Equal([("ines", true), ("jonas", false)], MfaColumn(listBefore));
        Assert.Equal([("ines", false), ("jonas", false)], MfaColumn(listAfter));
    }

    [Fact]
    public async Task ResetMfa_UnknownOrNotEnrolled_OneLineErrorAndExitCode()
    {
        await SeedAsync();

        var unknown = await RunAsync("user", "reset-mfa", "nobody");
        var notEnrolled = await RunAsync("user", "reset-mfa", "jonas");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("user 'nobody' does not exist", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, notEnrolled.ExitCode);
        Assert.Contains("user 'jonas' has no two-factor sign-in to reset", notEnrolled.Error, StringComparison.Ordinal);
        Assert.Single(notEnrolled.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task UserList_Table_HasTheTwoFactorColumn()
    {
        await SeedAsync();

        var run = await RunAsync("user", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Two-factor", run.Out, StringComparison.Ordinal);
        var ines = run.Out.Split('\n').Single(l => l.Contains("ines", StringComparison.Ordinal));
        var jonas = run.Out.Split('\n').Single(l => l.Contains("jonas", StringComparison.Ordinal));
        Assert.Matches(@"\bon\b", ines);
        Assert.Matches(@"\boff\b", jonas);
    }

    private static List<(string, bool)> MfaColumn(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(u => (u.GetProperty("name").GetString()!, u.GetProperty("mfa").GetBoolean()))];
    }
}
