using System.CommandLine;
using PartnershipTracker.Cli.Commands.Config;
using PartnershipTracker.Cli.Commands.Db;
using PartnershipTracker.Cli.Commands.Ingest;
using PartnershipTracker.Cli.Commands.Report;
using PartnershipTracker.Cli.Commands.Serve;

namespace PartnershipTracker.Cli;

/// <summary>The ptrack command line: one file per verb under Commands/.</summary>
public static class CliApp
{
    /// <summary>Host settings that mean "run the server" when they come first (this is how a test host starts the application).</summary>
    private static readonly string[] HostSettings = ["--environment", "--applicationName", "--contentRoot", "--urls"];

    public static RootCommand CreateRoot() => new("Partnership Tracker: track a partner nation's progress in its partnership with an alliance, every record tied to its source.")
    {
        IngestCommand.Create(),
        ReportCommand.Create(),
        ServeCommand.Create(),
        DbCommand.Create(),
        ConfigCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && HostSettings.Any(s => args[0].StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            args = ["serve", .. args];
        }

        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("ptrack: " + error.Message);
            }

            Console.Error.WriteLine("Try 'ptrack --help'.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug: say so in one line; the details belong in a log, not on a user's screen.
            Console.Error.WriteLine($"ptrack: internal error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
    }
}
