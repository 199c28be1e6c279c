using PartnershipTracker.Cli;

namespace PartnershipTracker.Tests.Cli;

/// <summary>What one run of the real <c>ptrack</c> command line gave.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>
/// Runs <see cref="CliApp.RunAsync"/> in-process against a given SQLite file, with extra environment
/// settings, capturing stdout and stderr. Use from tests in the "Environment" collection only.
/// </summary>
public static class CliRunner
{
    public static async Task<CliRun> RunAsync(string connectionString, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var settings = new Dictionary<string, string?> { ["Database__ConnectionString"] = connectionString };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var previous = settings.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            foreach (var (key, value) in settings)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            Console.SetOut(stdout);
            Console.SetError(stderr);
            var exit = await CliApp.RunAsync(args);
            return new CliRun(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            foreach (var (key, value) in previous)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }
    }

    public static Task<CliRun> RunAsync(string connectionString, params string[] args) => RunAsync(connectionString, null, args);
}
