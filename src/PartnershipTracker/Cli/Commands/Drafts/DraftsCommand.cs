using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnershipTracker.Cli.Commands.Ingest;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Ingest;
using Spectre.Console;

namespace PartnershipTracker.Cli.Commands.Drafts;

/// <summary>
/// <c>ptrack drafts [list | show ID | accept ID... | discard ID...]</c>: the documents <c>ptrack ingest</c> staged
/// for review. Accepting stores what the preview showed; discarding removes the draft and nothing else.
/// </summary>
internal static class DraftsCommand
{
    public static Command Create()
    {
        // One --json for the verb and every subcommand, before or after the subcommand's name.
        var json = new Option<bool>("--json") { Description = "Write JSON on stdout.", Recursive = true };
        var list = new Command("list", "List the drafts waiting for review (the default).");
        list.SetAction((parse, ct) => ListAsync(parse.GetValue(json), ct));

        var showId = new Argument<int>("id") { Description = "The draft's number, as 'ptrack drafts' lists it." };
        var show = new Command("show", "Preview a draft: the recovered structure and the records it would create (--json: the JSON of 'ptrack ingest --json').") { showId };
        show.SetAction((parse, ct) => ShowAsync(parse.GetValue(showId), parse.GetValue(json), ct));

        var acceptIds = new Argument<int[]>("id") { Description = "Drafts to store.", Arity = ArgumentArity.OneOrMore };
        var approve = new Option<bool>("--approve") { Description = "Store the sources and records as approved instead of as drafts waiting for review (the CLI acts as admin)." };
        var accept = new Command("accept", "Store drafts: their sources, records and evidence, each in one transaction (--json: an array of the stored documents).") { acceptIds, approve };
        accept.SetAction((parse, ct) => AcceptAsync(parse.GetRequiredValue(acceptIds).Distinct().ToArray(), parse.GetValue(approve), parse.GetValue(json), ct));

        var discardIds = new Argument<int[]>("id") { Description = "Drafts to remove.", Arity = ArgumentArity.OneOrMore };
        var discard = new Command("discard", "Remove drafts without storing anything (--json: the drafts discarded).") { discardIds };
        discard.SetAction((parse, ct) => DiscardAsync(parse.GetRequiredValue(discardIds).Distinct().ToArray(), parse.GetValue(json), ct));

        var drafts = new Command("drafts", "Documents staged by 'ptrack ingest' and waiting for review.") { list, show, accept, discard, json };
        drafts.SetAction((parse, ct) => ListAsync(parse.GetValue(json), ct));
        return drafts;
    }

    private static Task<int> ListAsync(bool json, CancellationToken cancellationToken) =>
        CliContext.RunAsync(async (services, ct) =>
        {
            var drafts = await services.GetRequiredService<ListIngestDrafts>().HandleAsync(null, ct);
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { items = drafts }, IngestJson.Options));
                return ExitCodes.Ok;
            }

            var console = CliConsole.Create();
            if (drafts.Count == 0)
            {
                console.WriteLine("no drafts waiting for review");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns(new TableColumn("Draft").RightAligned(), new TableColumn("Programme"), new TableColumn("File"), new TableColumn("Format"), new TableColumn("Staged (UTC)"), new TableColumn("Records").RightAligned(), new TableColumn("Warnings").RightAligned());
            foreach (var d in drafts)
            {
                table.AddRow(Count(d.Id), Markup.Escape(d.Programme), Markup.Escape(d.FileName), d.Format, d.StagedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Count(d.RecordCount), Count(d.WarningCount));
            }

            console.Write(table);
            return ExitCodes.Ok;
        }, cancellationToken);

    private static Task<int> ShowAsync(int id, bool json, CancellationToken cancellationToken) =>
        CliContext.RunAsync(async (services, ct) =>
        {
            var preview = await services.GetRequiredService<IngestDocument>().PreviewDraftAsync(id, ct);
            if (!preview.Succeeded)
            {
                return CliContext.Fail(preview.Failure!);
            }

            if (json)
            {
                Console.Out.WriteLine(IngestJson.Serialize(preview.Value!));
            }
            else
            {
                IngestPreview.Write(CliConsole.Create(), preview.Value!);
            }

            return ExitCodes.Ok;
        }, cancellationToken);

    private static Task<int> AcceptAsync(int[] ids, bool approve, bool json, CancellationToken cancellationToken) =>
        CliContext.RunAsync(async (services, ct) =>
        {
            var exit = ExitCodes.Ok;
            var stored = new List<object>();
            foreach (var id in ids)
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ChangeActor>().Name = "ingest";
                var result = await scope.ServiceProvider.GetRequiredService<IngestDocument>().AcceptDraftAsync(id, approve, ct);
                if (!result.Succeeded)
                {
                    exit = CliContext.Fail(result.Failure!);
                    continue;
                }

                if (json)
                {
                    stored.Add(IngestJson.Document(result.Value!));
                }
                else
                {
                    CliConsole.Create().MarkupLine($"draft #{id} ({Markup.Escape(result.Value!.Document.Source.Name)}): {IngestPreview.Result(result.Value!)}");
                }
            }

            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(stored, IngestJson.Options));
            }

            return exit;
        }, cancellationToken);

    private static Task<int> DiscardAsync(int[] ids, bool json, CancellationToken cancellationToken) =>
        CliContext.RunAsync(async (services, ct) =>
        {
            var exit = ExitCodes.Ok;
            var discarded = new List<object>();
            foreach (var id in ids)
            {
                var result = await services.GetRequiredService<IngestDocument>().DiscardDraftAsync(id, ct);
                if (!result.Succeeded)
                {
                    exit = CliContext.Fail(result.Failure!);
                    continue;
                }

                if (json)
                {
                    discarded.Add(new { id, fileName = result.Value });
                }
                else
                {
                    Console.Out.WriteLine($"draft #{id} ({result.Value}) discarded; nothing stored");
                }
            }

            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { discarded }, IngestJson.Options));
            }

            return exit;
        }, cancellationToken);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
