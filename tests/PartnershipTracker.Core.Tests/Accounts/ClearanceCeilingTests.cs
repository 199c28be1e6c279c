using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Data.Sqlite;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Accounts;

/// <summary>
/// An admin acts on users only up to their own clearance (fresh-eyes review 6, F3): no clearance above their own, no
/// change to a user cleared higher. The CLI (unrestricted access) keeps full power; web audit entries carry the client address.
/// </summary>
public sealed class ClearanceCeilingTests : IAsyncLifetime
{
    private const string Password = "Kestrel over Jahorina 1984";
    private const string ClientAddress = "203.0.113.7";

    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var cli = _database.CreateContext();
        var add = new AddUser(cli, _database.Actor, _database.Time);
        Assert.True((await add.HandleAsync(new AddUserRequest("secret-admin", "admin", "NATO SECRET", Password: Password))).Succeeded);
        Assert.True((await add.HandleAsync(new AddUserRequest("public-admin", "admin", "PUBLIC", Password: Password))).Succeeded);
        Assert.True((await add.HandleAsync(new AddUserRequest("public-viewer", "viewer", "PUBLIC", Password: Password))).Succeeded);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A context as the web gives the PUBLIC admin: their reader's access, their name, their client address.</summary>
    private PtrackDbContext AsPublicAdmin(out ChangeActor actor)
    {
        actor = new ChangeActor("public-admin") { RemoteAddress = ClientAddress };
        return SqliteDatabaseProvider.CreateContext(_database.ConnectionString, actor, _database.Time, RecordAccess.Reader(Classification.Public, null, null));
    }

    private async Task<User> StoredAsync(string name)
    {
        await using var db = _database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Name == name);
    }

    [Fact]
    public async Task AddUser_ClearanceAboveOwn_ForbiddenAndNotAdded()
    {
        await using var db = AsPublicAdmin(out var actor);

        var added = await new AddUser(db, actor, _database.Time).HandleAsync(new AddUserRequest("eve", "viewer", "NATO SECRET", Password: Password));

        Assert.Equal(FailureKind.Forbidden, added.Failure?.Kind);
        Assert.Equal("you may not grant the clearance NATO SECRET: it is above your own (PUBLIC)", added.Failure!.Message);
        await using var read = _database.CreateContext();
        Assert.False(await read.Users.AnyAsync(u => u.Name == "eve"));
    }

    [Fact]
    public async Task AddUser_OwnClearance_AddedAndAuditedWithClientAddress()
    {
        await using var db = AsPublicAdmin(out var actor);

        var added = await new AddUser(db, actor, _database.Time).HandleAsync(new AddUserRequest("eve", "viewer", "PUBLIC", Password: Password));

        Assert.True(added.Succeeded);
        await using var read = _database.CreateContext();
        var audit = await read.AuditEntries.AsNoTracking().SingleAsync(a => a.Event == "user.created" && a.Actor == "public-admin");
        Assert.Equal(ClientAddress, audit.RemoteAddress);
    }

    [Fact]
    public async Task UpdateUser_RaiseOwnClearance_ForbiddenAndUnchanged()
    {
        await using var db = AsPublicAdmin(out var actor);

        var updated = await new UpdateUser(db, actor, _database.Time).HandleAsync(new UpdateUserRequest("public-admin", "NATO SECRET"));

        Assert.Equal(FailureKind.Forbidden, updated.Failure?.Kind);
        Assert.Equal(Classification.Public, (await StoredAsync("public-admin")).Clearance);
    }

    [Fact]
    public async Task ActingOnHigherClearedUser_EveryChangeForbiddenNothingChanges()
    {
        var before = await StoredAsync("secret-admin");
        await using var db = AsPublicAdmin(out var actor);

        var reset = await new ResetPassword(db, actor, _database.Time).HandleAsync(new ResetPasswordRequest("secret-admin"));
        var updated = await new UpdateUser(db, actor, _database.Time).HandleAsync(new UpdateUserRequest("secret-admin", "PUBLIC"));
        var demoted = await new SetRole(db, actor, _database.Time).HandleAsync(new SetRoleRequest("secret-admin", "viewer"));
        var disabled = await new DisableUser(db, actor, _database.Time).HandleAsync("secret-admin");

        Assert.Null(reset.Value?.GeneratedPassword);
        Assert.All(new[] { reset.Failure, updated.Failure, demoted.Failure, disabled.Failure }, f => Assert.Equal(FailureKind.Forbidden, f?.Kind));
        Assert.Equal(
            "user 'secret-admin' is cleared NATO SECRET, above your own clearance (PUBLIC): only someone cleared at least as high may change them",
            reset.Failure!.Message);
        var after = await StoredAsync("secret-admin");
        Assert.Equal(
            (before.PasswordHash, before.SecurityStamp, Role.Admin, Classification.NatoSecret, (DateTimeOffset?)null, before.MustChangePassword),
            (after.PasswordHash, after.SecurityStamp, after.Role, after.Clearance, after.DisabledAt, after.MustChangePassword));
        await using var read = _database.CreateContext();
        Assert.False(await read.AuditEntries.AnyAsync(a => a.Actor == "public-admin"));
    }

    [Fact]
    public async Task EnableUser_HigherClearedUser_ForbiddenStaysDisabled()
    {
        await using (var cli = _database.CreateContext())
        {
            Assert.True((await new DisableUser(cli, _database.Actor, _database.Time).HandleAsync("secret-admin")).Succeeded);
        }

        await using var db = AsPublicAdmin(out var actor);
        var enabled = await new EnableUser(db, actor, _database.Time).HandleAsync("secret-admin");

        Assert.Equal(FailureKind.Forbidden, enabled.Failure?.Kind);
        Assert.NotNull((await StoredAsync("secret-admin")).DisabledAt);
    }

    [Fact]
    public async Task ResetPassword_UserClearedAsHigh_AllowedAndAuditedWithClientAddress()
    {
        await using var db = AsPublicAdmin(out var actor);

        var reset = await new ResetPassword(db, actor, _database.Time).HandleAsync(new ResetPasswordRequest("public-viewer"));

        Assert.True(reset.Succeeded);
        Assert.True(Passwords.Verify((await StoredAsync("public-viewer")).PasswordHash, reset.Value!.GeneratedPassword!));
        await using var read = _database.CreateContext();
        var audit = await read.AuditEntries.AsNoTracking().SingleAsync(a => a.Event == "user.password-reset");
        Assert.Equal(("public-admin", ClientAddress), (audit.Actor, audit.RemoteAddress));
    }

    [Fact]
    public async Task Cli_Unrestricted_RaisesClearanceAndResetsAnyone()
    {
        await using var cli = _database.CreateContext();

        var updated = await new UpdateUser(cli, _database.Actor, _database.Time).HandleAsync(new UpdateUserRequest("public-admin", "NATO SECRET"));
        var reset = await new ResetPassword(cli, _database.Actor, _database.Time).HandleAsync(new ResetPasswordRequest("secret-admin"));

        Assert.Equal("NATO SECRET", updated.Value?.Clearance);
        Assert.True(reset.Succeeded);
    }
}
