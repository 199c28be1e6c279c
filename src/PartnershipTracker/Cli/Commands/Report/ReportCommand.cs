using System.CommandLine;

namespace PartnershipTracker.Cli.Commands.Report;

/// <summary><c>ptrack report [--programme SLUG] --format html|md [-o FILE]</c>.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Write the programme progress report (HTML or Markdown).");
        return command;
    }
}
