using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Core.Features.Accounts.ApiTokens;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

[Collection("Environment")]
public sealed class TokenCommandTests
{
    [Fact]
    public async Task TokenCreate_PrintsTheTokenAlone_StoresOnlyItsHash_RevokeByPrefixStopsIt()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await TestUsers.CreateAsync(db, "ana", Role.Contributor);
        }

        var created = await CliRunner.RunAsync(database.ConnectionString, "token", "create", "ana", "--name", "ci export");

        Assert.Equal((0, ""), (created.ExitCode, created.Error));
        var token = created.Out.TrimEnd('\n');
        Assert.Matches("^ptk_[A-Za-z0-9_-]{43}$", token);
        await using (var db = database.CreateContext())
        {
            var stored = await db.ApiTokens.SingleAsync();
            Assert.Equal((SecretTokens.Hash(token), "ci export", token[..12]), (stored.TokenHash, stored.Name, stored.Prefix));
            Assert.Equal("ana", (await new AuthenticateApiToken(db, database.Time).HandleAsync(token, null)).Value!.Name);
        }

        var listed = await CliRunner.RunAsync(database.ConnectionString, "token", "list", "ana");
        var revoked = await CliRunner.RunAsync(database.ConnectionString, "token", "revoke", "ana", token[..12]);

        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(token[..12], listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        await using (var db = database.CreateContext())
        {
            var refused = await new AuthenticateApiToken(db, database.Time).HandleAsync(token, null);
            Assert.Equal(AuthenticateApiToken.Refused, refused.Failure!.Message);
            Assert.Equal(["token.created", "token.used", "token.revoked"], await db.AuditEntries.Where(a => a.Event.StartsWith("token.")).OrderBy(a => a.Id).Select(a => a.Event).ToListAsync());
        }
    }

    [Fact]
    public async Task TokenCreate_UnknownUser_OneLineExit2()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();

        var run = await CliRunner.RunAsync(database.ConnectionString, "token", "create", "nobody");

        Assert.Equal((2, "", "ptrack: There is no user 'nobody'."), (run.ExitCode, run.Out, run.Error.TrimEnd('\n')));
    }
}
