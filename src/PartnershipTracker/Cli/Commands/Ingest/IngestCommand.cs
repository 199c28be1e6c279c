using System.CommandLine;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Infrastructure;
using Spectre.Console;

namespace PartnershipTracker.Cli.Commands.Ingest;

/// <summary><c>ptrack ingest FILE [--programme SLUG] [--dry-run] [--json]</c>.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The document to read (plain text, .txt)." };
        var programme = new Option<string?>("--programme", "-p") { Description = "Slug of the programme to add the records to (default: the only programme)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Recover and map the document, store nothing." };
        var json = new Option<bool>("--json") { Description = "Write the result as one JSON object on stdout (structure, removed passages, warnings, records)." };
        var command = new Command("ingest", "Read a document into sourced records: structure recovered, damage removed or flagged, every record tied to its line.")
        {
            file, programme, dryRun, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(file), parse.GetValue(programme), parse.GetValue(dryRun), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string? programme, bool dryRun, bool json, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return CliContext.Fail(Directory.Exists(file.FullName)
                ? $"{file.Name}: is a folder; name a file"
                : $"{file.FullName}: file not found", ExitCodes.BadInput);
        }

        return await CliContext.RunAsync(async (services, ct) =>
        {
            var limit = services.GetRequiredService<PtrackSettings>().Ingest.MaxFileBytes;
            if (file.Length > limit)
            {
                return CliContext.Fail($"{file.Name}: file is {file.Length:N0} bytes, over the limit of {limit:N0} bytes (Ingest:MaxFileBytes)", ExitCodes.BadInput);
            }

            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file.FullName, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CliContext.Fail($"{file.Name}: cannot be read: {e.Message}", ExitCodes.BadInput);
            }

            var result = await services.GetRequiredService<IngestDocument>()
                .HandleAsync(new IngestRequest(file.Name, bytes, programme, dryRun), ct);
            if (!result.Succeeded)
            {
                return CliContext.Fail(result.Failure!);
            }

            if (json)
            {
                Console.Out.WriteLine(IngestJson.Serialize(result.Value!));
            }
            else
            {
                WriteSummary(result.Value!);
            }

            return ExitCodes.Ok;
        }, cancellationToken, writesNothing: dryRun);
    }

    private static void WriteSummary(IngestOutcome outcome)
    {
        var document = outcome.Document;
        var records = outcome.Records;
        // A console per run, on whatever Console.Out is now (tests redirect it).
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            // Into a file or a pipe: one message a line, not wrapped at 80 columns.
            console.Profile.Width = 1000;
        }

        console.MarkupLine($"[bold]{Markup.Escape(document.Source.Name)}[/] → programme [bold]{Markup.Escape(outcome.ProgrammeSlug)}[/]");
        var structure = new Table().AddColumns("Structure", "Count");
        foreach (var group in document.Blocks.GroupBy(b => b.Type))
        {
            structure.AddRow(group.Key + "s", group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(structure);
        var table = new Table().AddColumns("Records", "Count");
        table.AddRow("areas", Count(records.Areas.Count));
        table.AddRow("achievements", Count(records.Achievements.Count));
        table.AddRow("challenges", Count(records.Challenges.Count));
        table.AddRow("initiatives", Count(records.Initiatives.Count));
        table.AddRow("recommendations", Count(records.Recommendations.Count));
        table.AddRow("unmapped tables and lists", Count(records.Unmapped.Count));
        console.Write(table);
        foreach (var removed in document.Removed)
        {
            console.MarkupLine($"[yellow]removed[/] ({Markup.Escape(removed.Reason)}) lines {removed.Line}–{removed.LineEnd}: {Markup.Escape(Shorten(removed.Text))}");
        }

        foreach (var warning in document.Warnings.Concat(records.Warnings))
        {
            console.MarkupLine($"[yellow]warning[/] line {warning.Line}: {Markup.Escape(warning.Message)}");
        }

        console.MarkupLine(outcome.Stored switch
        {
            null => "[blue]dry run: nothing stored[/]",
            { Unchanged: true } s => $"unchanged: identical to source #{s.SourceId} version {s.Version}; nothing stored",
            var s => $"[green]stored[/] as source #{s.SourceId} version {s.Version}: {s.Created} records created, {s.Updated} given new evidence",
        });
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 90 ? line : line[..87] + "...";
    }
}
