using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

/// <summary><c>ptrack user …</c> through the real command line: output, exit codes, and what lands in the database.</summary>
[Collection("Environment")]
public sealed class UserCommandTests : IAsyncLifetime
{
    private const string Password = "Kestrel over Jahorina 1984";

    // The example programme is not needed here: leaving it out keeps each run short.
    private static readonly Dictionary<string, string> NoExample = new() { ["Examples__LoadOnEmptyDatabase"] = "false" };

    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempSqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(_database.ConnectionString, NoExample, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input.</summary>
    private async Task<CliRun> RunWithInputAsync(string stdin, params string[] args)
    {
        var previous = Console.In;
        using var input = new StringReader(stdin);
        Console.SetIn(input);
        try
        {
            return await RunAsync(args);
        }
        finally
        {
            Console.SetIn(previous);
        }
    }

    private async Task<User> StoredAsync(string name)
    {
        await using var db = _database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Name == name);
    }

    private static string GeneratedPassword(CliRun run) =>
        Assert.Single(run.Out.Split('\n'), l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].TrimEnd();

    [Fact]
    public async Task UserAdd_PasswordStdin_StoresVerifyingHashPrintsNoPassword()
    {
        var run = await RunWithInputAsync(Password + "\n", "user", "add", "alice", "--role", "contributor", "--clearance", "NATO RESTRICTED", "--nationality", "bih", "--password-stdin");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal("user 'alice' added: Contributor, clearance NATO RESTRICTED, BIH", run.Out.Trim());
        var alice = await StoredAsync("alice");
        Assert.Equal((Role.Contributor, Classification.NatoRestricted, "BIH"), (alice.Role, alice.Clearance, alice.Nationality));
        Assert.NotEqual(Password, alice.PasswordHash);
        Assert.True(Passwords.Verify(alice.PasswordHash, Password));
    }

    [Fact]
    public async Task UserAdd_PasswordStdinWindowsLineEnding_LineEndingNotPartOfPassword()
    {
        var run = await RunWithInputAsync(Password + "\r\n", "user", "add", "alice", "--role", "viewer", "--password-stdin");

        Assert.Equal(0, run.ExitCode);
        Assert.True(Passwords.Verify((await StoredAsync("alice")).PasswordHash, Password));
    }

    [Fact]
    public async Task UserAdd_NoPasswordStdin_GeneratesAndPrintsItOnce()
    {
        var run = await RunAsync("user", "add", "bob", "--role", "admin", "--clearance", "nato-secret", "--organisation", "nato");

        Assert.Equal(0, run.ExitCode);
        var password = GeneratedPassword(run);
        Assert.Equal(20, password.Length);
        Assert.Contains("This password is shown once and stored nowhere", run.Out, StringComparison.Ordinal);
        Assert.Contains("ptrack user reset-password bob", run.Out, StringComparison.Ordinal);
        var bob = await StoredAsync("bob");
        Assert.True(Passwords.Verify(bob.PasswordHash, password));
        Assert.Equal((Classification.NatoSecret, "NATO"), (bob.Clearance, bob.Organisation));
    }

    [Fact]
    public async Task UserAdd_DuplicateNameOtherCase_ExitOneOneLine()
    {
        await RunWithInputAsync(Password, "user", "add", "alice", "--role", "viewer", "--password-stdin");

        var run = await RunWithInputAsync(Password, "user", "add", "ALICE", "--role", "viewer", "--password-stdin");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("ptrack: a user named 'ALICE' exists already (names are compared ignoring case)", run.Error.Trim());
    }

    [Theory]
    [InlineData("ptrack: role must be one of Viewer, Contributor, Reviewer, Admin (not 'boss')", "--role", "boss")]
    [InlineData("ptrack: clearance must be one of PUBLIC, NATO UNCLASSIFIED, NATO RESTRICTED, NATO CONFIDENTIAL, NATO SECRET (not 'cosmic')", "--role", "viewer", "--clearance", "cosmic")]
    [InlineData("ptrack: nationality must be an ISO 3166-1 alpha-3 country code such as BIH or NOR (not 'BA')", "--role", "viewer", "--nationality", "BA")]
    public async Task UserAdd_BadField_ExitTwoOneLineNamingIt(string expected, params string[] options)
    {
        var run = await RunWithInputAsync(Password, ["user", "add", "carol", "--password-stdin", .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error.Trim());
        await using var db = _database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Theory]
    [InlineData("Jahorina-84", "ptrack: password: at least 12 characters (this one has 11)")]
    [InlineData("1qaz2wsx3edc", "ptrack: password: this password is in a list of common passwords")]
    [InlineData("", "ptrack: --password-stdin: no password on standard input (one line expected)")]
    public async Task UserAdd_BadPasswordOnStdin_ExitTwo(string password, string expected)
    {
        var run = await RunWithInputAsync(password, "user", "add", "carol", "--role", "viewer", "--password-stdin");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error.Trim());
    }

    [Fact]
    public async Task UserAdd_NoRole_UsageErrorExitTwo()
    {
        var run = await RunAsync("user", "add", "carol");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: Option '--role' is required. Try 'ptrack user add --help'.", run.Error.Trim());
    }

    [Fact]
    public async Task UserListJson_Shape_NoHashes()
    {
        await RunWithInputAsync(Password, "user", "add", "alice", "--role", "reviewer", "--clearance", "NatoConfidential", "--nationality", "BIH", "--password-stdin");
        await RunWithInputAsync(Password, "user", "add", "bob", "--role", "viewer", "--organisation", "EU", "--password-stdin");
        await RunAsync("user", "disable", "bob");

        var run = await RunAsync("user", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(
            ["name", "role", "clearance", "nationality", "organisation", "createdAt", "disabled", "disabledAt", "lockedUntil", "mfa", "mfaEnabledAt"],
            items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("alice", "Reviewer", "NATO CONFIDENTIAL", "BIH"), (items[0].GetProperty("name").GetString(), items[0].GetProperty("role").GetString(), items[0].GetProperty("clearance").GetString(), items[0].GetProperty("nationality").GetString()));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("organisation").ValueKind);
        Assert.False(items[0].GetProperty("disabled").GetBoolean());
        Assert.Equal(("bob", "EU", true), (items[1].GetProperty("name").GetString(), items[1].GetProperty("organisation").GetString(), items[1].GetProperty("disabled").GetBoolean()));
        Assert.Equal(JsonValueKind.String, items[1].GetProperty("disabledAt").ValueKind);
        var hash = (await StoredAsync("alice")).PasswordHash;
        Assert.DoesNotContain(hash, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", run.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UserSetRole_ChangesRoleAndStamp()
    {
        await RunWithInputAsync(Password, "user", "add", "alice", "--role", "viewer", "--password-stdin");
        var before = await StoredAsync("alice");

        var run = await RunAsync("user", "set-role", "Alice", "reviewer");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("user 'alice': Reviewer, clearance PUBLIC", run.Out.Trim());
        var after = await StoredAsync("alice");
        Assert.Equal(Role.Reviewer, after.Role);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
    }

    [Fact]
    public async Task UserSetRole_UnknownUser_ExitTwo()
    {
        var run = await RunAsync("user", "set-role", "nobody", "admin");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: user 'nobody' does not exist", run.Error.Trim());
    }

    [Fact]
    public async Task UserDisable_DeletesSessionsThenEnable()
    {
        await RunWithInputAsync(Password, "user", "add", "alice", "--role", "viewer", "--password-stdin");
        await using (var db = _database.CreateContext())
        {
            var alice = await db.Users.SingleAsync();
            db.UserSessions.Add(new UserSession { Id = SecretTokens.Hash("key"), UserId = alice.Id, Ticket = [1], CreatedAt = _database.Time.GetUtcNow(), ExpiresAt = _database.Time.GetUtcNow().AddHours(1) });
            await db.SaveChangesAsync();
        }

        var disable = await RunAsync("user", "disable", "alice");
        var disabled = await StoredAsync("alice");
        await using (var db = _database.CreateContext())
        {
            Assert.False(await db.UserSessions.AnyAsync());
        }

        var enable = await RunAsync("user", "enable", "alice");

        Assert.Equal(("user 'alice' is disabled", 0), (disable.Out.Trim(), disable.ExitCode));
        Assert.NotNull(disabled.DisabledAt);
        Assert.Equal(("user 'alice' is enabled", 0), (enable.Out.Trim(), enable.ExitCode));
        Assert.Null((await StoredAsync("alice")).DisabledAt);
    }

    [Fact]
    public async Task UserResetPassword_WithoutStdin_GeneratedPrintedAndWorks()
    {
        await RunWithInputAsync(Password, "user", "add", "alice", "--role", "viewer", "--password-stdin");

        var run = await RunAsync("user", "reset-password", "alice");

        Assert.Equal(0, run.ExitCode);
        var password = GeneratedPassword(run);
        var alice = await StoredAsync("alice");
        Assert.True(Passwords.Verify(alice.PasswordHash, password));
        Assert.False(Passwords.Verify(alice.PasswordHash, Password));
    }

    [Fact]
    public async Task UserResetPassword_Stdin_SetsGivenPasswordPrintsNone()
    {
        await RunAsync("user", "add", "alice", "--role", "viewer");

        var run = await RunWithInputAsync("Bjelašnica in January\n", "user", "reset-password", "alice", "--password-stdin");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("password: ", run.Out, StringComparison.Ordinal);
        Assert.Equal("user 'alice': password set; their sessions have ended; they must choose their own password at the next sign-in", run.Out.Trim());
        var alice = await StoredAsync("alice");
        Assert.True(Passwords.Verify(alice.PasswordHash, "Bjelašnica in January"));
        Assert.True(alice.MustChangePassword);
    }

    [Fact]
    public async Task UserUpdate_ClearanceNationality_StoredAndNoOptionIsBadUsage()
    {
        await RunWithInputAsync(Password, "user", "add", "alice", "--role", "viewer", "--password-stdin");

        var none = await RunAsync("user", "update", "alice");
        var run = await RunAsync("user", "update", "alice", "--clearance", "NATO UNCLASSIFIED", "--nationality", "nor");

        Assert.Equal(2, none.ExitCode);
        Assert.Equal("ptrack: user update: give at least one of --clearance, --nationality, --organisation. Try 'ptrack user update --help'.", none.Error.Trim());
        Assert.Equal((0, "user 'alice': Viewer, clearance NATO UNCLASSIFIED, NOR"), (run.ExitCode, run.Out.Trim()));
        var alice = await StoredAsync("alice");
        Assert.Equal((Classification.NatoUnclassified, "NOR"), (alice.Clearance, alice.Nationality));
    }
}
