using System.CommandLine;
using PartnershipTracker.Core.Reports;

namespace PartnershipTracker.Cli.Commands.Report;

/// <summary><c>ptrack report [--programme SLUG] --format html|md [-o FILE] [--include-drafts]</c>. Writes an audit entry "export".</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var programme = new Option<string?>("--programme", "-p") { Description = "Slug of the programme to report on (default: the only programme).", HelpName = "slug" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "html: one self-contained file (inline CSS, print stylesheet, no scripts); md: Markdown.",
            HelpName = string.Join('|', ReportFormats.Names),
            Required = true,
        };

        // Not AcceptOnlyFromAmong: its message spans several lines, and a bad format gets one line on stderr.
        format.CompletionSources.Add([.. ReportFormats.Names]);
        format.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (value is not null && ReportFormats.Parse(value) is null)
            {
                result.AddError($"--format: '{value}' is not a report format; use one of: {string.Join(", ", ReportFormats.Names)}");
            }
        });
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the report to this file (replaced atomically) instead of stdout; the path is printed on stderr.",
            HelpName = "file",
        };
        var includeDrafts = new Option<bool>("--include-drafts")
        {
            Description = "Also report draft, submitted and returned records; by default only approved records are reported, and the report says how many it left out.",
        };
        var command = new Command(
            "report",
            "Write the programme progress report: programme summary, progress areas (achievements and ongoing challenges), " +
            "key obstacles, initiatives with their status, development areas, recommendations, milestones by date, " +
            "indicators with every observation and its source, the sources, and a data-quality appendix of what ingest " +
            "removed or flagged. Every row cites its evidence (source #N, line L); text cut off in a source is marked.")
        {
            programme, format, output, includeDrafts,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(programme), parse.GetRequiredValue(format), parse.GetValue(output), parse.GetValue(includeDrafts), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? programme, string formatName, FileInfo? output, bool includeDrafts, CancellationToken cancellationToken)
    {
        if (ReportFormats.Parse(formatName) is not { } format)
        {
            return CliContext.Fail($"--format: '{formatName}' is not a report format; use one of: {string.Join(", ", ReportFormats.Names)}", ExitCodes.BadInput);
        }

        if (output is not null && Directory.Exists(output.FullName))
        {
            return CliContext.Fail($"{output.FullName}: is a folder; name a file for --output", ExitCodes.BadInput);
        }

        if (output is not null && !Directory.Exists(output.DirectoryName))
        {
            return CliContext.Fail($"{output.DirectoryName}: folder not found for --output", ExitCodes.BadInput);
        }

        return await CliContext.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<GetProgrammeReport>().HandleAsync(programme, format, new ReportOptions(includeDrafts), ct);
            if (!result.Succeeded)
            {
                return CliContext.Fail(result.Failure!);
            }

            if (output is null)
            {
                await Console.Out.WriteAsync(result.Value!.Content.AsMemory(), ct);
                await Console.Out.FlushAsync(ct);
                return ExitCodes.Ok;
            }

            try
            {
                await WriteAtomicallyAsync(output.FullName, result.Value!.Content, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The exception names the temporary file; the user named the output file.
                var reason = e is UnauthorizedAccessException ? "permission denied" : "the folder does not accept new files";
                return CliContext.Fail($"{output.FullName}: cannot be written: {reason}", ExitCodes.Failure);
            }

            Console.Error.WriteLine(output.FullName);
            return ExitCodes.Ok;
        }, cancellationToken);
    }

    /// <summary>
    /// Writes to a temporary file beside <paramref name="path"/>, flushes it to disk, then moves it over
    /// <paramref name="path"/>: a reader sees the old file or the whole new one, never half a report.
    /// </summary>
    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await writer.WriteAsync(content.AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
