using System.Globalization;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;
using PartnershipTracker.Infrastructure;

namespace PartnershipTracker.Web.Pages.Admin;

/// <summary>One setting as the settings page shows it: its configuration key (<c>Security:LockoutFailures</c>) and value.</summary>
public sealed record SettingRow(string Key, string Value, string Meaning);

/// <summary>
/// <c>/admin/settings</c> (admins): the effective settings that matter to an admin, read-only — the database (provider,
/// file, connection string with any password replaced by "***"), every <c>Security:*</c> option (as the running server uses them), the <c>Ingest:*</c>
/// limits, the default marking and where the data-protection keys (which protect session cookies) are kept. Secrets are
/// never shown. The page says how to change them (appsettings.json or environment variables, then restart), as
/// <c>ptrack config show</c> prints them.
/// </summary>
public sealed class SettingsModel(PtrackSettings settings, SecurityOptions security, IOptions<KeyManagementOptions> keys, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<(string Section, IReadOnlyList<SettingRow> Rows)> Sections { get; private set; } = [];

    public void OnGet()
    {
        var database = settings.Database;
        var connection = database.ConnectionString ?? DatabaseOptions.DefaultSqliteConnectionString;
        var ingest = settings.Ingest;
        Sections =
        [
            ("Database", [
                new("Database:Provider", database.Provider, "The database engine."),
                new("Database:ConnectionString", ConnectionStrings.Redact(connection), "Where the data is; any password is shown as ***."),
                new("(database file)", DatabaseFile(connection), "The SQLite file, relative paths from the working directory " + Directory.GetCurrentDirectory() + "."),
            ]),
            ("Security", [
                new("Security:LockoutFailures", Number(security.LockoutFailures), "Consecutive failed sign-ins that lock an account."),
                new("Security:LockoutMinutes", Number(security.LockoutMinutes), "How long a locked account refuses every sign-in, in minutes."),
                new("Security:LoginRateLimit", Number(security.LoginRateLimit), "Sign-in attempts per client address per minute before 429."),
                new("Security:SessionIdleMinutes", Number(security.SessionIdleMinutes), "A session ends after this many minutes without a request."),
                new("Security:SessionAbsoluteHours", Number(security.SessionAbsoluteHours), "A session ends this many hours after sign-in."),
                new("Security:AllowAnonymousRead", security.AllowAnonymousRead ? "true" : "false", "Readers who have not signed in may read PUBLIC records."),
                new("Security:RequireMfa", security.RequireMfa ? "true" : "false", "Every user must set up two-factor sign-in before doing anything else."),
                new("Security:TrustedProxies", security.TrustedProxies.Length == 0 ? "none" : security.TrustedProxies, "Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed."),
                new("Security:BearerFailureLimit", Number(security.BearerFailureLimit), "Failed API tokens per client address per minute before 429."),
                new("(data-protection keys)", KeyLocation(), "The keys that protect session and antiforgery cookies; lost keys end every session."),
            ]),
            ("Ingest", [
                new("Ingest:MaxFileBytes", Number(ingest.MaxFileBytes), "Largest document accepted, in bytes."),
                new("Ingest:MaxPages", Number(ingest.MaxPages), "Most PDF pages read."),
                new("Ingest:MaxLineLength", Number(ingest.MaxLineLength), "Longest line kept, in characters."),
                new("Ingest:MaxProcessingTime", ingest.MaxProcessingTime.ToString("c", CultureInfo.InvariantCulture), "Longest time one document may take to read."),
            ]),
            ("Markings", [
                new("Markings (default classification)", Markings.Label(settings.Markings.Marking.Classification), "The marking of ingested records when none is given."),
                new("Markings (default Releasable To)", Markings.ReleasableToEntries(settings.Markings.Marking.ReleasableTo) is { Count: > 0 } list ? string.Join(", ", list) : "not restricted", "Who ingested records are releasable to when none is given."),
            ]),
        ];
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string DatabaseFile(string connectionString)
    {
        try
        {
            var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? "in memory" : Path.GetFullPath(source);
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    /// <summary>
    /// Where the data-protection keys are: a configured folder, else ASP.NET Core's default (the user profile's
    /// .aspnet/DataProtection-Keys when there is a home folder), else memory only.
    /// </summary>
    private string KeyLocation()
    {
        if (keys.Value.XmlRepository is FileSystemXmlRepository files)
        {
            return files.Directory.FullName;
        }

        if (keys.Value.XmlRepository is { } repository)
        {
            return repository.GetType().Name;
        }

        var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home)
            ? "in memory only: keys are lost on restart (" + environment.EnvironmentName + ")"
            : Path.Combine(home, ".aspnet", "DataProtection-Keys") + " (ASP.NET Core default)";
    }
}
