using Microsoft.Data.Sqlite;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Infrastructure;

namespace PartnershipTracker.Cli;

/// <summary>
/// Runs a verb's body with the shared services and a ready database, and turns every failure into one
/// line on stderr and an exit code: never a stack trace.
/// </summary>
internal static class CliContext
{
    /// <param name="writesNothing">
    /// The verb only reads (a dry run): when the SQLite file does not exist yet, it runs against a database in
    /// memory with the example programme, so that nothing is created on disk.
    /// </param>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken, bool writesNothing = false)
    {
        var (settings, error) = PtrackSettings.Read(CliConfiguration.Build());
        if (settings is null)
        {
            return Fail(error!, ExitCodes.BadInput);
        }

        await using var memory = writesNothing ? InMemoryIfMissing(ref settings) : null;

        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter("PartnershipTracker", LogLevel.Warning)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddPtrack(settings);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ChangeActor>().Name = "cli";
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseBootstrap>().EnsureReadyAsync(cancellationToken);
            return await body(scope.ServiceProvider, cancellationToken);
        }
        catch (SqliteException e)
        {
            return Fail($"database error: {e.Message.ReplaceLineEndings(" ")} ({DescribeDatabase(settings)})", ExitCodes.Failure);
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled", ExitCodes.Failure);
        }
    }

    /// <summary>Writes "ptrack: MESSAGE" on stderr and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine("ptrack: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }

    /// <summary>The exit code for an expected failure: bad input and not-found are the user's (2), conflicts are not (1).</summary>
    public static int Fail(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Fail(failure.Message, failure.Kind is FailureKind.Conflict or FailureKind.Forbidden ? ExitCodes.Failure : ExitCodes.BadInput);
    }

    /// <summary>
    /// When the configured SQLite file does not exist, points <paramref name="settings"/> at a private in-memory
    /// database instead and returns the connection that keeps it alive for the run; else null.
    /// </summary>
    private static SqliteConnection? InMemoryIfMissing(ref PtrackSettings settings)
    {
        var file = new SqliteConnectionStringBuilder(settings.Database.ConnectionString ?? DatabaseOptions.DefaultSqliteConnectionString);
        if (file.Mode == SqliteOpenMode.Memory || file.DataSource is ":memory:" or "" || File.Exists(file.DataSource))
        {
            return null;
        }

        var memory = new SqliteConnectionStringBuilder
        {
            DataSource = "ptrack-dry-run-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        var keepAlive = new SqliteConnection(memory);
        keepAlive.Open();
        settings = new PtrackSettings
        {
            Database = new DatabaseOptions { Provider = settings.Database.Provider, ConnectionString = memory },
            Ingest = settings.Ingest,
            Mapping = settings.Mapping,
            Examples = settings.Examples,
            Security = settings.Security,
        };
        return keepAlive;
    }

    private static string DescribeDatabase(PtrackSettings settings) =>
        settings.Database.ConnectionString is null ? DatabaseOptions.DefaultSqliteConnectionString : "Database:ConnectionString";
}
