using Spectre.Console;

namespace PartnershipTracker.Cli;

/// <summary>Spectre.Console on whatever <see cref="Console.Out"/> is now (tests redirect it).</summary>
internal static class CliConsole
{
    /// <summary>Whether stdout is a terminal: progress bars and colour only then.</summary>
    public static bool IsTerminal => !Console.IsOutputRedirected;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (!IsTerminal)
        {
            // Into a file or a pipe: one message a line, not wrapped at 80 columns.
            console.Profile.Width = 1000;
        }

        return console;
    }
}
