using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Domain;
using PartnershipTracker.Infrastructure;
using PartnershipTracker.Ingest;
using Spectre.Console;

namespace PartnershipTracker.Cli.Commands.Ingest;

/// <summary>
/// <c>ptrack ingest PATH... [--accept | --dry-run] [--programme SLUG] [--json]</c>: reads documents into sourced
/// records. Without <c>--accept</c> each document is staged as a draft and previewed; nothing is stored until
/// it is accepted. Several files or folders are read one by one: a bad file is reported and the rest go on.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = $"Documents to read, or folders (every {string.Join(", ", DocumentFormats.Extensions)} file under them).",
            Arity = ArgumentArity.OneOrMore,
        };
        var programme = new Option<string?>("--programme", "-p") { Description = "Slug of the programme to add the records to (default: the only programme)." };
        var accept = new Option<bool>("--accept") { Description = "Store the records at once instead of staging them as drafts for review." };
        var approve = new Option<bool>("--approve") { Description = "With --accept: store the source and its records as approved instead of as drafts waiting for review (the CLI acts as admin)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Recover and map the documents, store nothing (not even a draft)." };
        var json = new Option<bool>("--json") { Description = "Write JSON on stdout: one object for one file (structure, removed passages, warnings, records); {documents, failures, summary} for several." };
        var classification = new Option<string?>("--classification") { Description = "The sources' classification, e.g. \"NATO RESTRICTED\" (PUBLIC, NATO UNCLASSIFIED, NATO RESTRICTED, NATO CONFIDENTIAL, NATO SECRET); new records take it. Default: Security:DefaultClassification." };
        var releasableTo = new Option<string?>("--releasable-to") { Description = "The sources' Releasable To list, e.g. \"BIH,NATO\" (ISO 3166 alpha-3 codes or organisation names). Default: Security:DefaultReleasableTo (none)." };
        var command = new Command("ingest", "Read documents into sourced records: structure recovered, damage removed or flagged, every record tied to its line. Records are staged as drafts for review unless --accept is given.")
        {
            paths, programme, accept, approve, dryRun, json, classification, releasableTo,
        };
        paths.Validators.Add(result =>
        {
            // A collection argument takes any token; an option we do not know is a mistake, not a file name.
            var unknown = result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-') && !File.Exists(t.Value) && !Directory.Exists(t.Value));
            if (unknown is not null)
            {
                result.AddError($"Unrecognized command or argument '{unknown.Value}'");
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(accept) && result.GetValue(dryRun))
            {
                result.AddError("--accept and --dry-run cannot be used together");
            }
            else if (result.GetValue(approve) && !result.GetValue(accept))
            {
                result.AddError("--approve needs --accept: only stored records have a review state");
            }

            var level = result.GetValue(classification);
            if (level is not null && !Markings.TryParseClassification(level, out _))
            {
                result.AddError($"--classification must be one of {string.Join(", ", Markings.All.Select(Markings.Label))} (not '{level}')");
            }

            if (!Markings.TryParseReleasableTo(result.GetValue(releasableTo), out _, out var error))
            {
                result.AddError("--releasable-to: " + error);
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var mode = parse.GetValue(dryRun) ? IngestMode.DryRun : parse.GetValue(accept) ? IngestMode.Store : IngestMode.Stage;
            return RunAsync(parse.GetRequiredValue(paths), parse.GetValue(programme), mode, parse.GetValue(approve), parse.GetValue(json),
                (parse.GetValue(classification), parse.GetValue(releasableTo)), cancellationToken);
        });
        return command;
    }

    /// <summary>The marking the options give (already validated), the configured default for what they leave out.</summary>
    private static RecordMarking MarkingOf(IServiceProvider services, (string? Classification, string? ReleasableTo) options)
    {
        var defaults = services.GetRequiredService<MarkingDefaults>().Marking;
        var level = options.Classification is not null && Markings.TryParseClassification(options.Classification, out var parsed) ? parsed : defaults.Classification;
        var releasableTo = options.ReleasableTo is not null && Markings.TryParseReleasableTo(options.ReleasableTo, out var canonical, out _) ? canonical : defaults.ReleasableTo;
        return new RecordMarking(level, releasableTo);
    }

    private static async Task<int> RunAsync(string[] paths, string? programme, IngestMode mode, bool approve, bool json, (string? Classification, string? ReleasableTo) markingOptions, CancellationToken cancellationToken)
    {
        var single = paths.Length == 1 && !Directory.Exists(paths[0]);
        var (files, missing) = Expand(paths);
        if (files.Count == 0)
        {
            // Nothing to read at all (a missing file, an empty folder): one line each, no table.
            missing.ForEach(m => CliContext.Fail(m.Error!, ExitCodes.BadInput));
            return ExitCodes.BadInput;
        }

        return await CliContext.RunAsync(async (services, ct) =>
        {
            var marking = MarkingOf(services, markingOptions);
            var found = await services.GetRequiredService<ProgrammeLookup>().FindAsync(programme, ct);
            if (!found.Succeeded)
            {
                return CliContext.Fail(found.Failure!);
            }

            if (single)
            {
                var run = await IngestFileAsync(services, files[0], found.Value!.Slug, mode, marking, approve, ct);
                if (run.Error is not null)
                {
                    return CliContext.Fail(run.Error, ExitCodes.BadInput);
                }

                if (json)
                {
                    Console.Out.WriteLine(IngestJson.Serialize(run.Outcome!));
                }
                else
                {
                    IngestPreview.Write(CliConsole.Create(), run.Outcome!);
                }

                return ExitCodes.Ok;
            }

            var runs = new List<DocumentRun>(missing);
            runs.AddRange(await IngestAllAsync(services, files, found.Value!.Slug, mode, marking, approve, showProgress: !json && CliConsole.IsTerminal, ct));
            foreach (var failed in runs.Where(r => r.Error is not null))
            {
                CliContext.Fail(failed.Error!, ExitCodes.BadInput);
            }

            if (json)
            {
                Console.Out.WriteLine(BatchJson(runs, mode));
            }
            else
            {
                WriteBatch(CliConsole.Create(), runs, mode);
            }

            return runs.Any(r => r.Error is not null) ? ExitCodes.BadInput : ExitCodes.Ok;
        }, cancellationToken, writesNothing: mode == IngestMode.DryRun);
    }

    /// <summary>One document's run: its outcome, or the one-line reason it was refused.</summary>
    private sealed record DocumentRun(string Path, IngestOutcome? Outcome, string? Error);

    /// <summary>Files named, and every supported file under folders named, in path order; paths that do not exist are failures.</summary>
    private static (List<FileInfo> Files, List<DocumentRun> Missing) Expand(string[] paths)
    {
        var files = new List<FileInfo>();
        var missing = new List<DocumentRun>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(DocumentFormats.IsSupported)
                    .Order(StringComparer.Ordinal)
                    .Select(f => new FileInfo(f))
                    .ToList();
                if (found.Count == 0)
                {
                    missing.Add(new DocumentRun(path, null, $"{Path.GetFullPath(path)}: no documents in the folder ({string.Join(", ", DocumentFormats.Extensions)})"));
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(new FileInfo(path));
            }
            else
            {
                missing.Add(new DocumentRun(path, null, $"{Path.GetFullPath(path)}: file not found"));
            }
        }

        return (files, missing);
    }

    private static async Task<List<DocumentRun>> IngestAllAsync(IServiceProvider services, List<FileInfo> files, string programme, IngestMode mode, RecordMarking marking, bool approve, bool showProgress, CancellationToken cancellationToken)
    {
        var runs = new List<DocumentRun>(files.Count);
        if (!showProgress)
        {
            foreach (var file in files)
            {
                runs.Add(await IngestFileAsync(services, file, programme, mode, marking, approve, cancellationToken));
            }

            return runs;
        }

        await CliConsole.Create().Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Reading documents", maxValue: files.Count);
                foreach (var file in files)
                {
                    task.Description = Markup.Escape(file.Name);
                    runs.Add(await IngestFileAsync(services, file, programme, mode, marking, approve, cancellationToken));
                    task.Increment(1);
                }

                task.Description = "Read";
            });
        return runs;
    }

    /// <summary>Reads, maps and stages or stores one file, in its own scope so that a long batch does not pile up tracked entities.</summary>
    private static async Task<DocumentRun> IngestFileAsync(IServiceProvider services, FileInfo file, string programme, IngestMode mode, RecordMarking marking, bool approve, CancellationToken cancellationToken)
    {
        var limit = services.GetRequiredService<PtrackSettings>().Ingest.MaxFileBytes;
        if (file.Length > limit)
        {
            return new DocumentRun(file.FullName, null, $"{file.Name}: file is {file.Length:N0} bytes, over the limit of {limit:N0} bytes (Ingest:MaxFileBytes)");
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DocumentRun(file.FullName, null, $"{file.Name}: cannot be read: {e.Message}");
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ChangeActor>().Name = "ingest";
        var result = await scope.ServiceProvider.GetRequiredService<IngestDocument>()
            .HandleAsync(new IngestRequest(file.Name, bytes, programme, mode, marking, approve), cancellationToken);
        return result.Succeeded
            ? new DocumentRun(file.FullName, result.Value, null)
            : new DocumentRun(file.FullName, null, result.Failure!.Message);
    }

    private static void WriteBatch(IAnsiConsole console, List<DocumentRun> runs, IngestMode mode)
    {
        var table = new Table().AddColumns(new TableColumn("Document"), new TableColumn("Format"), new TableColumn("Records").RightAligned(), new TableColumn("Warnings").RightAligned(), new TableColumn("Result"));
        foreach (var run in runs)
        {
            var outcome = run.Outcome;
            table.AddRow(
                Markup.Escape(Path.GetFileName(run.Path)),
                Markup.Escape(outcome?.Document.Source.Format ?? ""),
                outcome is null ? "" : Count(outcome.RecordCount),
                outcome is null ? "" : Count(outcome.WarningCount),
                outcome is null ? "[red]refused[/]: " + Markup.Escape(run.Error!) : IngestPreview.ShortResult(outcome));
        }

        console.Write(table);
        var summary = Summarise(runs);
        console.MarkupLine(
            $"[bold]{summary.Documents} documents[/]: {summary.Read} read, {summary.Failures} refused; {summary.Records} records, {summary.Warnings} warnings; "
            + mode switch
            {
                IngestMode.DryRun => "dry run: nothing stored",
                IngestMode.Stage => $"{summary.Staged} staged as drafts (nothing stored yet; 'ptrack drafts' lists them, 'ptrack drafts accept ID...' stores them)",
                _ => $"{summary.Stored} stored, {summary.Unchanged} unchanged",
            });
    }

    private static string BatchJson(List<DocumentRun> runs, IngestMode mode)
    {
        var summary = Summarise(runs);
        return JsonSerializer.Serialize(
            new
            {
                mode = mode.ToString().ToLowerInvariant(),
                documents = runs.Where(r => r.Outcome is not null).Select(r => IngestJson.Document(r.Outcome!)),
                failures = runs.Where(r => r.Error is not null).Select(r => new { path = r.Path, error = r.Error }),
                summary,
            },
            IngestJson.Options);
    }

    private sealed record BatchSummary(int Documents, int Read, int Failures, int Records, int Warnings, int Staged, int Stored, int Unchanged);

    private static BatchSummary Summarise(List<DocumentRun> runs)
    {
        var read = runs.Where(r => r.Outcome is not null).Select(r => r.Outcome!).ToList();
        return new BatchSummary(
            runs.Count,
            read.Count,
            runs.Count - read.Count,
            read.Sum(o => o.RecordCount),
            read.Sum(o => o.WarningCount),
            read.Count(o => o.Draft is not null),
            read.Count(o => o.Stored is { Unchanged: false }),
            read.Count(o => o.Stored is { Unchanged: true }));
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
