using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Accounts;

/// <summary>The account handlers against a real SQLite file: validation, hashes, stamps, sessions and the audit log.</summary>
public sealed class UserHandlerTests : IAsyncLifetime
{
    private const string AlicePassword = "Kestrel over Jahorina 1984";

    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempSqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Result<AddedUser>> AddAsync(AddUserRequest request)
    {
        await using var db = _database.CreateContext();
        return await new AddUser(db, _database.Actor, _database.Time).HandleAsync(request);
    }

    private Task<Result<AddedUser>> AddAliceAsync(string role = "contributor") =>
        AddAsync(new AddUserRequest("alice", role, "NATO RESTRICTED", "bih", null, AlicePassword));

    private async Task<User> StoredAsync(string name)
    {
        await using var db = _database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Name == name);
    }

    private async Task<List<AuditEntry>> AuditAsync(string eventName)
    {
        await using var db = _database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Event == eventName).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<string> AddSessionAsync(string name)
    {
        await using var db = _database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Name == name);
        var id = SecretTokens.Hash(SecretTokens.NewKey());
        db.UserSessions.Add(new UserSession { Id = id, UserId = user.Id, Ticket = [1, 2, 3], CreatedAt = _database.Time.GetUtcNow(), ExpiresAt = _database.Time.GetUtcNow().AddHours(8) });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<List<string>> SessionsOfAsync(string name)
    {
        await using var db = _database.CreateContext();
        return await db.UserSessions.Where(s => s.User!.Name == name).Select(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task AddUser_Valid_StoresHashThatVerifiesAndAudits()
    {
        var result = await AddAliceAsync();

        var stored = await StoredAsync("alice");
        Assert.True(result.Succeeded);
        Assert.Null(result.Value!.GeneratedPassword);
        Assert.Equal(Role.Contributor, stored.Role);
        Assert.Equal(Classification.NatoRestricted, stored.Clearance);
        Assert.Equal("BIH", stored.Nationality);
        Assert.Null(stored.Organisation);
        Assert.Equal("ALICE", stored.NormalizedName);
        Assert.Equal(_database.Time.GetUtcNow(), stored.CreatedAt);
        Assert.NotEqual(AlicePassword, stored.PasswordHash);
        Assert.DoesNotContain(AlicePassword, stored.PasswordHash, StringComparison.Ordinal);
        Assert.True(Passwords.Verify(stored.PasswordHash, AlicePassword));
        Assert.False(Passwords.Verify(stored.PasswordHash, AlicePassword.ToUpperInvariant()));
        var audit = Assert.Single(await AuditAsync("user.created"));
        Assert.Equal("test", audit.Actor);
        Assert.Equal("""{"name":"alice","role":"Contributor","clearance":"NATO RESTRICTED","nationality":"BIH","organisation":null,"passwordGenerated":false}""", audit.Details);
    }

    [Fact]
    public async Task AddUser_NoClearance_Public()
    {
        var result = await AddAsync(new AddUserRequest("viewer.one", "viewer", Password: AlicePassword));

        Assert.Equal("PUBLIC", result.Value!.User.Clearance);
        Assert.Equal(Classification.Public, (await StoredAsync("viewer.one")).Clearance);
    }

    [Theory]
    [InlineData("NATO RESTRICTED")]
    [InlineData("nato-restricted")]
    [InlineData("NatoRestricted")]
    public async Task AddUser_ClearanceSpellings_SameLevel(string clearance)
    {
        var result = await AddAsync(new AddUserRequest("bob", "viewer", clearance, Password: AlicePassword));

        Assert.Equal("NATO RESTRICTED", result.Value!.User.Clearance);
    }

    [Fact]
    public async Task AddUser_NoPassword_GeneratesOneThatVerifies()
    {
        var result = await AddAsync(new AddUserRequest("bob", "admin", "NATO SECRET", null, "nato"));

        var generated = result.Value!.GeneratedPassword;
        Assert.NotNull(generated);
        Assert.Equal(20, generated.Length);
        var stored = await StoredAsync("bob");
        Assert.True(Passwords.Verify(stored.PasswordHash, generated));
        Assert.Equal("NATO", stored.Organisation);
        Assert.DoesNotContain(generated, Assert.Single(await AuditAsync("user.created")).Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALICE")]
    [InlineData("Alice")]
    [InlineData(" alice ")]
    public async Task AddUser_DuplicateNameIgnoringCase_Conflict(string name)
    {
        await AddAliceAsync();

        var result = await AddAsync(new AddUserRequest(name, "viewer", Password: AlicePassword));

        Assert.Equal(FailureKind.Conflict, result.Failure!.Kind);
        Assert.Equal($"a user named '{name.Trim()}' exists already (names are compared ignoring case)", result.Failure.Message);
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task AddUser_BadRoleClearanceNationalityOrganisation_EveryFieldNamed()
    {
        var result = await AddAsync(new AddUserRequest("carol", "boss", "TOP SECRET", "XKX", "N", AlicePassword));

        Assert.Equal(FailureKind.Invalid, result.Failure!.Kind);
        var fields = result.Failure.Fields!;
        Assert.Equal(["clearance", "nationality", "organisation", "role"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("role must be one of Viewer, Contributor, Reviewer, Admin (not 'boss')", Assert.Single(fields["role"]));
        Assert.Equal("clearance must be one of PUBLIC, NATO UNCLASSIFIED, NATO RESTRICTED, NATO CONFIDENTIAL, NATO SECRET (not 'TOP SECRET')", Assert.Single(fields["clearance"]));
        Assert.StartsWith("nationality must be an ISO 3166-1 alpha-3 country code", Assert.Single(fields["nationality"]), StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Event == "user.created"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("al ice")]
    [InlineData("alice@example.org")]
    [InlineData("ćevap")]
    public async Task AddUser_BadName_Invalid(string name)
    {
        var result = await AddAsync(new AddUserRequest(name, "viewer", Password: AlicePassword));

        Assert.Equal(["name"], result.Failure!.Fields!.Keys);
    }

    [Fact]
    public async Task AddUser_SixtyFiveCharacterName_Invalid()
    {
        var ok = await AddAsync(new AddUserRequest(new string('a', 63) + "b", "viewer", Password: AlicePassword));
        var tooLong = await AddAsync(new AddUserRequest(new string('a', 64) + "b", "viewer", Password: AlicePassword));

        Assert.True(ok.Succeeded);
        Assert.Equal(["name"], tooLong.Failure!.Fields!.Keys);
    }

    [Fact]
    public async Task AddUser_ShortOrCommonPassword_Invalid()
    {
        var shortOne = await AddAsync(new AddUserRequest("alice", "viewer", Password: "Jahorina-84"));
        var common = await AddAsync(new AddUserRequest("alice", "viewer", Password: "qwerty123456"));

        Assert.Equal(["password: at least 12 characters (this one has 11)"], shortOne.Failure!.Fields!["password"]);
        Assert.Equal(["password: this password is in a list of common passwords"], common.Failure!.Fields!["password"]);
    }

    [Fact]
    public async Task ListUsers_ByNameIgnoringCase_NoSecrets()
    {
        await AddAsync(new AddUserRequest("zoran", "viewer", Password: AlicePassword));
        await AddAsync(new AddUserRequest("Bob", "reviewer", Password: AlicePassword));
        await AddAliceAsync();

        await using var db = _database.CreateContext();
        var users = await new ListUsers(db).HandleAsync();

        Assert.Equal(["alice", "Bob", "zoran"], users.Select(u => u.Name));
        Assert.Equal([Role.Contributor, Role.Reviewer, Role.Viewer], users.Select(u => u.Role));
        Assert.DoesNotContain("PasswordHash", JsonSerializer.Serialize(users), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRole_ChangesRoleAndStampEndsSessionsAndAudits()
    {
        await AddAliceAsync();
        var before = await StoredAsync("alice");
        await AddSessionAsync("alice");

        await using var db = _database.CreateContext();
        var result = await new SetRole(db, _database.Actor, _database.Time).HandleAsync(new SetRoleRequest("ALICE", "Reviewer"));

        var after = await StoredAsync("alice");
        Assert.Equal(Role.Reviewer, result.Value!.Role);
        Assert.Equal(Role.Reviewer, after.Role);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Empty(await SessionsOfAsync("alice"));
        Assert.Equal("""{"name":"alice","role":{"before":"Contributor","after":"Reviewer"},"sessionsEnded":1}""", Assert.Single(await AuditAsync("user.role-changed")).Details);
    }

    [Fact]
    public async Task SetRole_UnknownUserOrRole_NotFoundOrInvalid()
    {
        await AddAliceAsync();
        await using var db = _database.CreateContext();
        var handler = new SetRole(db, _database.Actor, _database.Time);

        var unknownUser = await handler.HandleAsync(new SetRoleRequest("nobody", "viewer"));
        var unknownRole = await handler.HandleAsync(new SetRoleRequest("alice", "superuser"));

        Assert.Equal(FailureKind.NotFound, unknownUser.Failure!.Kind);
        Assert.Equal("user 'nobody' does not exist", unknownUser.Failure.Message);
        Assert.Equal(["role"], unknownRole.Failure!.Fields!.Keys);
        Assert.Equal(Role.Contributor, (await StoredAsync("alice")).Role);
    }

    [Fact]
    public async Task SetRole_LastEnabledAdmin_ConflictUntilAnotherAdmin()
    {
        await AddAliceAsync("admin");
        await using (var db = _database.CreateContext())
        {
            var refused = await new SetRole(db, _database.Actor, _database.Time).HandleAsync(new SetRoleRequest("alice", "viewer"));
            Assert.Equal(FailureKind.Conflict, refused.Failure!.Kind);
            Assert.Equal("'alice' is the last enabled admin; make another user admin first", refused.Failure.Message);
        }

        await AddAsync(new AddUserRequest("bob", "admin", Password: AlicePassword));
        await using (var db = _database.CreateContext())
        {
            var allowed = await new SetRole(db, _database.Actor, _database.Time).HandleAsync(new SetRoleRequest("alice", "viewer"));
            Assert.Equal(Role.Viewer, allowed.Value!.Role);
        }
    }

    [Fact]
    public async Task DisableUser_DeletesOnlyTheirSessionsSetsDisabledAtAndStamp()
    {
        await AddAliceAsync();
        await AddAsync(new AddUserRequest("bob", "viewer", Password: AlicePassword));
        await AddSessionAsync("alice");
        await AddSessionAsync("alice");
        var bobSession = await AddSessionAsync("bob");
        var before = await StoredAsync("alice");
        _database.Time.Advance(TimeSpan.FromMinutes(5));

        await using var db = _database.CreateContext();
        var result = await new DisableUser(db, _database.Actor, _database.Time).HandleAsync("alice");

        var after = await StoredAsync("alice");
        Assert.True(result.Value!.Disabled);
        Assert.Equal(_database.Time.GetUtcNow(), after.DisabledAt);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Empty(await SessionsOfAsync("alice"));
        Assert.Equal([bobSession], await SessionsOfAsync("bob"));
        Assert.Equal("""{"name":"alice","sessionsEnded":2}""", Assert.Single(await AuditAsync("user.disabled")).Details);
    }

    [Fact]
    public async Task EnableUser_Disabled_EnabledAgainAndAudited()
    {
        await AddAliceAsync();
        await using (var db = _database.CreateContext())
        {
            await new DisableUser(db, _database.Actor, _database.Time).HandleAsync("alice");
        }

        var disabled = await StoredAsync("alice");
        await using (var db = _database.CreateContext())
        {
            var result = await new EnableUser(db, _database.Actor, _database.Time).HandleAsync("alice");
            Assert.False(result.Value!.Disabled);
        }

        var enabled = await StoredAsync("alice");
        Assert.Null(enabled.DisabledAt);
        Assert.NotEqual(disabled.SecurityStamp, enabled.SecurityStamp);
        Assert.Single(await AuditAsync("user.enabled"));
    }

    [Fact]
    public async Task DisableUser_LastEnabledAdmin_Conflict()
    {
        await AddAliceAsync("admin");

        await using var db = _database.CreateContext();
        var result = await new DisableUser(db, _database.Actor, _database.Time).HandleAsync("alice");

        Assert.Equal(FailureKind.Conflict, result.Failure!.Kind);
        Assert.Null((await StoredAsync("alice")).DisabledAt);
    }

    [Fact]
    public async Task ResetPassword_Given_NewVerifiesOldNotSessionsEndedLockoutCleared()
    {
        await AddAliceAsync();
        await using (var db = _database.CreateContext())
        {
            var alice = await db.Users.SingleAsync();
            (alice.FailedSignIns, alice.LockedUntil) = (5, _database.Time.GetUtcNow().AddMinutes(15));
            await db.SaveChangesAsync();
        }

        await AddSessionAsync("alice");
        var before = await StoredAsync("alice");
        const string newPassword = "Bjelašnica in January";

        await using (var db = _database.CreateContext())
        {
            var result = await new ResetPassword(db, _database.Actor, _database.Time).HandleAsync(new ResetPasswordRequest("alice", newPassword));
            Assert.Null(result.Value!.GeneratedPassword);
        }

        var after = await StoredAsync("alice");
        Assert.True(Passwords.Verify(after.PasswordHash, newPassword));
        Assert.False(Passwords.Verify(after.PasswordHash, AlicePassword));
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(0, after.FailedSignIns);
        Assert.Null(after.LockedUntil);
        Assert.Empty(await SessionsOfAsync("alice"));
        var audit = Assert.Single(await AuditAsync("user.password-reset"));
        Assert.Equal("""{"name":"alice","passwordGenerated":false,"sessionsEnded":1}""", audit.Details);
    }

    [Fact]
    public async Task ResetPassword_NoneGiven_GeneratedVerifies()
    {
        await AddAliceAsync();

        await using var db = _database.CreateContext();
        var result = await new ResetPassword(db, _database.Actor, _database.Time).HandleAsync(new ResetPasswordRequest("alice"));

        Assert.True(Passwords.Verify((await StoredAsync("alice")).PasswordHash, result.Value!.GeneratedPassword!));
    }

    [Fact]
    public async Task ResetPassword_TooShort_InvalidAndUnchanged()
    {
        await AddAliceAsync();

        await using var db = _database.CreateContext();
        var result = await new ResetPassword(db, _database.Actor, _database.Time).HandleAsync(new ResetPasswordRequest("alice", "Jahorina-84"));

        Assert.Equal(["password: at least 12 characters (this one has 11)"], result.Failure!.Fields!["password"]);
        Assert.True(Passwords.Verify((await StoredAsync("alice")).PasswordHash, AlicePassword));
    }

    [Fact]
    public async Task UpdateUser_ClearanceAndOrganisationChangedNationalityCleared()
    {
        await AddAliceAsync();
        await AddSessionAsync("alice");
        var before = await StoredAsync("alice");

        await using (var db = _database.CreateContext())
        {
            var result = await new UpdateUser(db, _database.Actor, _database.Time).HandleAsync(new UpdateUserRequest("alice", "nato-confidential", "", "nato"));
            Assert.Equal("NATO CONFIDENTIAL", result.Value!.Clearance);
        }

        var after = await StoredAsync("alice");
        Assert.Equal(Classification.NatoConfidential, after.Clearance);
        Assert.Null(after.Nationality);
        Assert.Equal("NATO", after.Organisation);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Empty(await SessionsOfAsync("alice"));
        Assert.Equal(
            """{"name":"alice","changes":{"clearance":{"before":"NATO RESTRICTED","after":"NATO CONFIDENTIAL"},"nationality":{"before":"BIH","after":null},"organisation":{"before":null,"after":"NATO"}},"sessionsEnded":1}""",
            Assert.Single(await AuditAsync("user.updated")).Details);
    }

    [Fact]
    public async Task UpdateUser_NothingChanged_NoStampNoAudit()
    {
        await AddAliceAsync();
        var before = await StoredAsync("alice");

        await using var db = _database.CreateContext();
        var result = await new UpdateUser(db, _database.Actor, _database.Time).HandleAsync(new UpdateUserRequest("alice", "NATO RESTRICTED", "BIH"));

        Assert.True(result.Succeeded);
        Assert.Equal(before.SecurityStamp, (await StoredAsync("alice")).SecurityStamp);
        Assert.Empty(await AuditAsync("user.updated"));
    }

    [Fact]
    public async Task CreateFirstAdmin_NoUsers_CreatesOnceWithWorkingPassword()
    {
        FirstAdmin? first;
        await using (var db = _database.CreateContext())
        {
            first = await new CreateFirstAdmin(db, _database.Time).HandleAsync();
        }

        FirstAdmin? second;
        await using (var db = _database.CreateContext())
        {
            second = await new CreateFirstAdmin(db, _database.Time).HandleAsync();
        }

        Assert.NotNull(first);
        Assert.Null(second);
        var admin = await StoredAsync("admin");
        Assert.Equal(Role.Admin, admin.Role);
        Assert.Equal(Classification.NatoSecret, admin.Clearance);
        Assert.Equal("NATO", admin.Organisation);
        Assert.Null(admin.Nationality);
        Assert.True(Passwords.Verify(admin.PasswordHash, first.Password));
        Assert.Empty(PasswordPolicy.Check(first.Password));
        var audit = Assert.Single(await AuditAsync("user.created"));
        Assert.Equal("system", audit.Actor);
        Assert.DoesNotContain(first.Password, audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFirstAdmin_AnotherUserExists_NothingCreated()
    {
        await AddAliceAsync();

        await using var db = _database.CreateContext();
        var result = await new CreateFirstAdmin(db, _database.Time).HandleAsync();

        Assert.Null(result);
        Assert.Equal(["alice"], await db.Users.Select(u => u.Name).ToListAsync());
    }
}
