using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Accounts;

/// <summary>A password an admin set (given or generated, on adding a user or resetting theirs) must be changed by the user.</summary>
public sealed class MustChangePasswordTests : IAsyncLifetime
{
    private const string Password = "Kestrel over Jahorina 1984";

    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempSqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(Password)]
    [InlineData(null)]
    public async Task AddUser_GivenOrGenerated_MustChangePasswordAndListed(string? password)
    {
        await using var db = _database.CreateContext();
        var added = await new AddUser(db, _database.Actor, _database.Time).HandleAsync(new AddUserRequest("alice", "viewer", Password: password));

        Assert.True(added.Value!.User.MustChangePassword);
        await using var read = _database.CreateContext();
        Assert.True((await read.Users.SingleAsync()).MustChangePassword);
        Assert.Equal([(true, false)], (await new ListUsers(read).HandleAsync()).Select(u => (u.MustChangePassword, u.MfaEnabled)));
    }

    [Theory]
    [InlineData(Password)]
    [InlineData(null)]
    public async Task ResetPassword_GivenOrGenerated_MustChangePassword(string? password)
    {
        await using (var db = _database.CreateContext())
        {
            await new AddUser(db, _database.Actor, _database.Time).HandleAsync(new AddUserRequest("alice", "viewer", Password: Password));
            await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false));
        }

        await using var reset = _database.CreateContext();
        var result = await new ResetPassword(reset, _database.Actor, _database.Time).HandleAsync(new ResetPasswordRequest("alice", password));

        Assert.True(result.Value!.User.MustChangePassword);
        await using var read = _database.CreateContext();
        Assert.True((await read.Users.SingleAsync()).MustChangePassword);
    }

    [Fact]
    public async Task LastChanges_NewestAccountEventPerUser()
    {
        await using var db = _database.CreateContext();
        await new AddUser(db, _database.Actor, _database.Time).HandleAsync(new AddUserRequest("alice", "viewer", Password: Password));
        _database.Time.Advance(TimeSpan.FromHours(2));
        await new SetRole(db, _database.Actor, _database.Time).HandleAsync(new SetRoleRequest("alice", "reviewer"));

        var last = await new ListUsers(db).LastChangesAsync();

        Assert.Equal(_database.Time.GetUtcNow(), last["alice"]);
    }
}
