using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Accounts;

/// <summary>
/// A user's change of their own password, the forced change after a reset or for the first admin, the hash strength
/// (PBKDF2 iterations, re-hash at sign-in) and the context-specific words of the password policy (issue 5, ASVS 5.0 V6).
/// </summary>
public sealed class PasswordChangeTests : IAsyncLifetime
{
    private const string NewPassword = "Kestrel over Jahorina 1984";

    private TempSqliteDatabase _database = null!;

    private User _nina = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        _nina = await TestUsers.CreateAsync(db, "nina", Role.Contributor);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Result<PasswordChanged>> ChangeAsync(string? current, string? next, string? repeat, SecurityOptions? security = null, string? keepSession = null)
    {
        await using var db = _database.CreateContext();
        return await new ChangePassword(db, _database.Time, security ?? new SecurityOptions())
            .HandleAsync(new ChangePasswordRequest(_nina.Id, current, next, repeat, keepSession), "192.0.2.7");
    }

    private async Task<User> StoredAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == _nina.Id);
    }

    private async Task<List<string>> AddSessionsAsync(int count)
    {
        await using var db = _database.CreateContext();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(SecretTokens.Hash(SecretTokens.NewKey()));
            db.UserSessions.Add(new UserSession
            {
                Id = ids[^1],
                UserId = _nina.Id,
                Ticket = [1],
                CreatedAt = _database.Time.GetUtcNow(),
                ExpiresAt = _database.Time.GetUtcNow().AddHours(1),
            });
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private static int IterationsOf(string hash)
    {
        // Identity's version-3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    [Fact]
    public async Task ChangePassword_Right_NewHashNewStampOtherSessionsEndedFlagClearedAudited()
    {
        await using (var db = _database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Id == _nina.Id)).MustChangePassword = true;
            await db.SaveChangesAsync();
        }

        var sessions = await AddSessionsAsync(3);

        var result = await ChangeAsync(TestUsers.Password, NewPassword, NewPassword, keepSession: sessions[1]);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(2, result.Value!.SessionsEnded);
        var stored = await StoredAsync();
        Assert.True(Passwords.Verify(stored.PasswordHash, NewPassword));
        Assert.False(Passwords.Verify(stored.PasswordHash, TestUsers.Password));
        Assert.NotEqual(_nina.SecurityStamp, stored.SecurityStamp);
        Assert.False(stored.MustChangePassword);
        await using var check = _database.CreateContext();
        Assert.Equal([sessions[1]], await check.UserSessions.Where(s => s.UserId == _nina.Id).Select(s => s.Id).ToListAsync());
        var audit = await check.AuditEntries.SingleAsync(a => a.Event == "password.changed");
        Assert.Equal("nina", audit.Actor);
        Assert.Equal("192.0.2.7", audit.RemoteAddress);
        Assert.Equal($$"""{"userId":{{_nina.Id}},"wasRequired":true,"sessionsEnded":2}""", audit.Details);
        Assert.DoesNotContain(NewPassword, audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrent_RefusedCountsAsFailedSignInAndLocks()
    {
        var security = new SecurityOptions { LockoutFailures = 2, LockoutMinutes = 10 };

        var first = await ChangeAsync("not the password at all", NewPassword, NewPassword, security);
        var second = await ChangeAsync("not the password either", NewPassword, NewPassword, security);
        var rightButLocked = await ChangeAsync(TestUsers.Password, NewPassword, NewPassword, security);

        Assert.Equal(ChangePassword.WrongCurrentPassword, first.Failure!.Message);
        Assert.Equal(["currentPassword"], first.Failure.Fields!.Keys);
        Assert.Equal(SignIn.Locked, second.Failure!.Message);
        Assert.Equal(SignIn.Locked, rightButLocked.Failure!.Message);
        var stored = await StoredAsync();
        Assert.True(Passwords.Verify(stored.PasswordHash, TestUsers.Password));
        Assert.Equal(_database.Time.GetUtcNow().AddMinutes(10), stored.LockedUntil);
        await using var check = _database.CreateContext();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Event == "password.change-failed"));
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.Event == "password.changed"));
    }

    [Theory]
    [InlineData(null, NewPassword, NewPassword, "currentPassword", "currentPassword is required")]
    [InlineData(TestUsers.Password, "short one", "short one", "newPassword", "newPassword: at least 12 characters (this one has 9)")]
    [InlineData(TestUsers.Password, NewPassword, NewPassword + "!", "repeatPassword", "repeatPassword: not the same as the new password")]
    [InlineData(TestUsers.Password, "Nina on the Jahorina slopes", "Nina on the Jahorina slopes", "newPassword", "newPassword: must not contain your user name")]
    [InlineData(TestUsers.Password, TestUsers.Password, TestUsers.Password, "newPassword", "newPassword: must not contain the name of this application ('ptrack')")]
    public async Task ChangePassword_BadInput_InvalidNamingTheFieldAndNothingChanged(string? current, string next, string repeat, string field, string message)
    {
        var result = await ChangeAsync(current, next, repeat);

        Assert.Equal(FailureKind.Invalid, result.Failure!.Kind);
        Assert.Equal([message], result.Failure.Fields![field]);
        Assert.Equal(_nina.PasswordHash, (await StoredAsync()).PasswordHash);
    }

    [Fact]
    public async Task ChangePassword_RepeatTypedDecomposed_SameAsPrecomposed_Accepted()
    {
        const string precomposed = "Kestrel over Jahorina caf\u00e9 1984";
        var decomposed = precomposed.Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(precomposed, decomposed);

        var result = await ChangeAsync(TestUsers.Password, precomposed, decomposed);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.True(Passwords.Verify((await StoredAsync()).PasswordHash, decomposed));
    }

    [Fact]
    public async Task ChangePassword_SameAsCurrent_Refused()
    {
        await using (var db = _database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Id == _nina.Id)).PasswordHash = Passwords.Hash(NewPassword);
            await db.SaveChangesAsync();
        }

        var result = await ChangeAsync(NewPassword, NewPassword, NewPassword);

        Assert.Equal(["newPassword: the same as your current password; choose a new one"], result.Failure!.Fields!["newPassword"]);
    }

    [Fact]
    public async Task ResetPassword_SetsMustChangePassword()
    {
        await using var db = _database.CreateContext();

        var result = await new ResetPassword(db, _database.Actor, _database.Time).HandleAsync(new ResetPasswordRequest("nina", NewPassword));

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.True((await StoredAsync()).MustChangePassword);
    }

    [Fact]
    public async Task CreateFirstAdmin_MustChangePassword()
    {
        await using var empty = await TempSqliteDatabase.CreateAsync();
        await using var db = empty.CreateContext();

        var admin = await new CreateFirstAdmin(db, empty.Time).HandleAsync();

        Assert.NotNull(admin);
        Assert.True((await db.Users.SingleAsync()).MustChangePassword);
    }

    [Fact]
    public void Hash_New_Pbkdf2At210000Iterations()
    {
        Assert.Equal(210_000, IterationsOf(Passwords.Hash(NewPassword)));
    }

    [Theory]
    [InlineData("Marko.Petrovic", "my name is MARKO.PETROVIC ok", "password: must not contain your user name")]
    [InlineData(null, "my Partnership passphrase", "password: must not contain the name of this application ('partnership')")]
    [InlineData(null, "PTRACK is where I work", "password: must not contain the name of this application ('ptrack')")]
    [InlineData(null, "the progress TRACKER of mine", "password: must not contain the name of this application ('tracker')")]
    [InlineData(null, "Nato-Bosnia-2026!", "password: made mostly of programme words such as NATO or Bosnia; add at least 8 letters of your own")]
    [InlineData(null, "NATO partner programme BiH", "password: made mostly of programme words such as NATO or Bosnia; add at least 8 letters of your own")]
    [InlineData(null, "Sarajevo 1984 bosnia!", "password: made mostly of programme words such as NATO or Bosnia; add at least 8 letters of your own")]
    public void Check_ContextSpecificWords_RefusedNamingTheRule(string? userName, string password, string message)
    {
        Assert.Equal([message], PasswordPolicy.Check(password, userName));
    }

    [Theory]
    [InlineData("al", "al paints the kitchen door")]
    [InlineData("marko", "nato owl on a blue kettle")]
    [InlineData("marko", "Bosnia has forty rivers!")]
    [InlineData(null, "Kestrel over Jahorina 1984")]
    public void Check_ContextWordsWithEnoughOwnLettersOrShortName_Accepted(string? userName, string password)
    {
        Assert.Empty(PasswordPolicy.Check(password, userName));
    }

    [Fact]
    public async Task SignIn_HashAt100000Iterations_RehashedAt210000AndStillVerifies()
    {
        var old = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(null!, TestUsers.Password);
        Assert.Equal(100_000, IterationsOf(old));
        await using (var db = _database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Id == _nina.Id)).PasswordHash = old;
            await db.SaveChangesAsync();
        }

        Result<User> signedIn;
        await using (var db = _database.CreateContext())
        {
            signedIn = await new SignIn(db, _database.Time, new SecurityOptions()).HandleAsync("nina", TestUsers.Password, null);
        }

        Assert.True(signedIn.Succeeded);
        var stored = (await StoredAsync()).PasswordHash;
        Assert.NotEqual(old, stored);
        Assert.Equal(210_000, IterationsOf(stored));
        Assert.True(Passwords.Verify(stored, TestUsers.Password));
    }

    [Fact]
    public async Task SignIn_HashAlreadyAt210000_NotRewritten()
    {
        await using (var db = _database.CreateContext())
        {
            await new SignIn(db, _database.Time, new SecurityOptions()).HandleAsync("nina", TestUsers.Password, null);
        }

        Assert.Equal(_nina.PasswordHash, (await StoredAsync()).PasswordHash);
    }
}
