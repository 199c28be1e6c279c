using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Core.Features.Accounts.ApiTokens;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Accounts;

/// <summary>Sign-in lockout over time, and API token use recorded at most once a minute (issue 5).</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await TestUsers.CreateAsync(db, "nina", Role.Contributor);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Lockout_ThreeFailuresOfThree_RefusesTheRightPasswordUntilTenMinutesPass()
    {
        var security = new SecurityOptions { LockoutFailures = 3, LockoutMinutes = 10 };

        var failures = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add((await SignInAsync(security, "wrong")).Failure!.Message);
        }

        var whileLocked = await SignInAsync(security, TestUsers.Password);
        _database.Time.Advance(TimeSpan.FromMinutes(9));
        var stillLocked = await SignInAsync(security, TestUsers.Password);
        _database.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await SignInAsync(security, TestUsers.Password);

        Assert.Equal([SignIn.WrongNameOrPassword, SignIn.WrongNameOrPassword, SignIn.Locked], failures);
        Assert.Equal((SignIn.Locked, SignIn.Locked), (whileLocked.Failure?.Message, stillLocked.Failure?.Message));
        Assert.Equal("nina", after.Value!.Name);
        await using var db = _database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Name == "nina");
        Assert.Equal((0, (DateTimeOffset?)null), (user.FailedSignIns, user.LockedUntil));
    }

    [Fact]
    public async Task Lockout_ASuccessResetsTheCount()
    {
        var security = new SecurityOptions { LockoutFailures = 3, LockoutMinutes = 10 };

        await SignInAsync(security, "wrong");
        await SignInAsync(security, "wrong");
        var ok = await SignInAsync(security, TestUsers.Password);
        var third = await SignInAsync(security, "wrong");
        var fourth = await SignInAsync(security, "wrong");

        Assert.True(ok.Succeeded);
        Assert.Equal((SignIn.WrongNameOrPassword, SignIn.WrongNameOrPassword), (third.Failure!.Message, fourth.Failure!.Message));
    }

    [Fact]
    public async Task TokenUse_RecordedAtMostOnceAMinute()
    {
        string token;
        await using (var db = _database.CreateContext())
        {
            token = (await new CreateApiToken(db, _database.Time).HandleAsync("nina", "script", "nina")).Value!.Token;
        }

        var first = _database.Time.GetUtcNow();
        await AuthenticateAsync(token);
        _database.Time.Advance(TimeSpan.FromSeconds(59));
        await AuthenticateAsync(token);
        _database.Time.Advance(TimeSpan.FromSeconds(1));
        await AuthenticateAsync(token);

        await using var check = _database.CreateContext();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Event == "token.used"));
        Assert.Equal(first.AddMinutes(1), (await check.ApiTokens.SingleAsync()).LastUsedAt);
    }

    private async Task<Common.Result<User>> SignInAsync(SecurityOptions security, string password)
    {
        await using var db = _database.CreateContext();
        return await new SignIn(db, _database.Time, security).HandleAsync("nina", password, "127.0.0.1");
    }

    private async Task AuthenticateAsync(string token)
    {
        await using var db = _database.CreateContext();
        Assert.True((await new AuthenticateApiToken(db, _database.Time).HandleAsync(token, null)).Succeeded);
    }
}
