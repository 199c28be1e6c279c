using System.CommandLine;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Cli.Commands.Purge;

/// <summary>
/// <c>ptrack purge TYPE ID [--yes]</c>: deletes a deleted record for good with its evidence and history
/// (<see cref="PurgeRecord"/>; docs/adr/0018-hard-delete.md). Asks for confirmation on a terminal; without a terminal
/// on stdin it needs <c>--yes</c> (exit 2 otherwise). A live record, or one others point at, is refused (exit 1).
/// </summary>
internal static class PurgeCommand
{
    public static Command Create()
    {
        var type = new Argument<string>("type") { Description = "The record type: area, achievement, challenge, initiative, milestone, recommendation, indicator or source (plural too)." };
        var id = new Argument<int>("id") { Description = "The record's id, as /deleted or the API shows it." };
        var yes = new Option<bool>("--yes") { Description = "Purge without asking (needed when stdin is not a terminal)." };
        var purge = new Command("purge", "Delete a deleted record for good, with its evidence and change history (cannot be undone; the audit log keeps a record.purged entry).") { type, id, yes };
        purge.SetAction((parse, ct) => PurgeAsync(parse.GetRequiredValue(type), parse.GetValue(id), parse.GetValue(yes), ct));
        return purge;
    }

    /// <summary>The editable record type a word names ("achievement", "Achievements"); null for any other word.</summary>
    internal static RecordType? ParseType(string word)
    {
        var text = word.Trim().ToLowerInvariant();
        return Enum.GetValues<RecordType>().Where(EditableRecords.IsEditable)
            .Select(t => (RecordType?)t)
            .FirstOrDefault(t => EditableRecords.Noun(t!.Value) == text || EditableRecords.Noun(t.Value) + "s" == text);
    }

    private static async Task<int> PurgeAsync(string typeWord, int id, bool yes, CancellationToken cancellationToken)
    {
        if (ParseType(typeWord) is not { } type)
        {
            return CliContext.Fail($"'{typeWord}' is not a record type: area, achievement, challenge, initiative, milestone, recommendation, indicator or source", ExitCodes.BadInput);
        }

        if (!yes && Console.IsInputRedirected)
        {
            return CliContext.Fail("purge cannot be undone and stdin is not a terminal to confirm it: pass --yes", ExitCodes.BadInput);
        }

        return await CliContext.RunAsync(async (services, ct) =>
        {
            var noun = EditableRecords.Noun(type);
            var db = services.GetRequiredService<PtrackDbContext>();
            var record = await EditableRecords.FindAsync(db, type, id, includeDeleted: true, ct);
            if (record is null)
            {
                return CliContext.Fail($"there is no {noun} {id}", ExitCodes.BadInput);
            }

            if (!yes)
            {
                Console.Out.Write($"Delete {noun} {id} for good, with its evidence and change history? This cannot be undone. [y/N] ");
                var answer = Console.ReadLine()?.Trim().ToLowerInvariant();
                if (answer is not ("y" or "yes"))
                {
                    return CliContext.Fail("not purged", ExitCodes.Failure);
                }
            }

            var purged = await services.GetRequiredService<PurgeRecord>().HandleAsync(new RecordAtRevision(type, id, record.Revision), ct);
            if (!purged.Succeeded)
            {
                return CliContext.Fail(purged.Failure!);
            }

            var removed = purged.Value!;
            Console.Out.WriteLine($"purged {noun} {id}: {removed.Evidence} evidence, {removed.History} history entries"
                + (type == RecordType.Indicator ? $", {removed.Observations} observations" : "")
                + (type == RecordType.Source ? $", {removed.Passages} passage rows" : "")
                + " removed; the audit log has a record.purged entry");
            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
