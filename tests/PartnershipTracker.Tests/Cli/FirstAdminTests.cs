using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Cli;

/// <summary>The first start of the server on a database without users creates one admin and prints the password once.</summary>
[Collection("Environment")]
public sealed class FirstAdminTests
{
    /// <summary>Starts the real application (as <c>ptrack serve</c>) on <paramref name="database"/>, stops it, and returns what it printed.</summary>
    private static async Task<string> StartAndStopAsync(TempSqliteDatabase database)
    {
        var previous = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            await using var factory = new PtrackWebFactory("Data Source=" + database.FilePath + ";Pooling=False");
            using var client = factory.CreateClient();
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(200, (int)health.StatusCode);
        }
        finally
        {
            Console.SetOut(previous);
        }

        return output.ToString();
    }

    [Fact]
    public async Task Serve_NoUsers_CreatesOneAdminOnceWithWorkingPassword()
    {
        await using var database = await TempSqliteDatabase.CreateAsync(migrate: false);

        var first = await StartAndStopAsync(database);
        var second = await StartAndStopAsync(database);

        var lines = first.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("ptrack: no users yet, so the first admin was created:", lines);
        Assert.Contains("  name:     admin", lines);
        Assert.Contains("This password will not be shown again. Sign in with it now, or set another with:", lines);
        Assert.Contains("  ptrack user reset-password admin", lines);
        var password = Assert.Single(lines, l => l.StartsWith("  password: ", StringComparison.Ordinal))["  password: ".Length..];
        // Not "password" alone: the content root printed at start-up may hold it (a worktree named wt-passwords).
        Assert.DoesNotContain(password, second, StringComparison.Ordinal);
        Assert.DoesNotContain("password:", second, StringComparison.OrdinalIgnoreCase);

        await using var db = database.CreateContext();
        var admin = Assert.Single(await db.Users.ToListAsync());
        Assert.Equal(("admin", Role.Admin, Classification.NatoSecret, "NATO"), (admin.Name, admin.Role, admin.Clearance, admin.Organisation));
        Assert.True(Passwords.Verify(admin.PasswordHash, password));
        Assert.True(admin.MustChangePassword);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Event == "user.created" && a.Actor == "system"));
    }

    [Fact]
    public async Task Serve_UserAddedBeforeFirstStart_NoAdminCreated()
    {
        await using var database = await TempSqliteDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var added = await new AddUser(db, database.Actor, database.Time).HandleAsync(new AddUserRequest("chief", "admin", Password: "Kestrel over Jahorina 1984"));
            Assert.True(added.Succeeded);
        }

        var output = await StartAndStopAsync(database);

        Assert.DoesNotContain("first admin", output, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(["chief"], await check.Users.Select(u => u.Name).ToListAsync());
    }
}
