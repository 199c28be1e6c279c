using System.CommandLine;
using PartnershipTracker.Cli.Commands.Audit;
using PartnershipTracker.Cli.Commands.Config;
using PartnershipTracker.Cli.Commands.Db;
using PartnershipTracker.Cli.Commands.Drafts;
using PartnershipTracker.Cli.Commands.Ingest;
using PartnershipTracker.Cli.Commands.Purge;
using PartnershipTracker.Cli.Commands.Report;
using PartnershipTracker.Cli.Commands.Serve;
using PartnershipTracker.Cli.Commands.Token;
using PartnershipTracker.Cli.Commands.User;

namespace PartnershipTracker.Cli;

/// <summary>The ptrack command line: one file per verb under Commands/.</summary>
public static class CliApp
{
    /// <summary>Host settings that mean "run the server" when they come first (this is how a test host starts the application).</summary>
    private static readonly string[] HostSettings = ["--environment", "--applicationName", "--contentRoot", "--urls"];

    public static RootCommand CreateRoot() => new("Partnership Tracker: track a partner nation's progress in its partnership with an alliance, every record tied to its source.")
    {
        IngestCommand.Create(),
        DraftsCommand.Create(),
        ReportCommand.Create(),
        AuditCommand.Create(),
        PurgeCommand.Create(),
        ServeCommand.Create(),
        DbCommand.Create(),
        ConfigCommand.Create(),
        TokenCommand.Create(),
        UserCommand.Create(),
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
            // One line: the most telling error, and where to read more.
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            var verb = parse.CommandResult.Command is RootCommand ? "ptrack" : "ptrack " + string.Join(' ', CommandPath(parse.CommandResult));
            var message = error.Message.ReplaceLineEndings(" ").TrimEnd();
            Console.Error.WriteLine($"ptrack: {message}{(message.EndsWith('.') ? "" : ".")} Try '{verb} --help'.");
            return ExitCodes.BadInput;
        }

        try
        {
            // Our own handler below replaces System.CommandLine's, which prints the stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug: say so in one line; the details belong in a log, not on a user's screen.
            Console.Error.WriteLine($"ptrack: internal error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
    }

    private static Stack<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current is not null && current.Command is not RootCommand; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(current.Command.Name);
        }

        return names;
    }
}
