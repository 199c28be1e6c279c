using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnershipTracker.Core.Features.Audit;
using Spectre.Console;

namespace PartnershipTracker.Cli.Commands.Audit;

/// <summary>
/// <c>ptrack audit [--since DATE] [--until DATE] [--event E] [--actor NAME] [--limit N] [--json]</c>: the audit log,
/// newest first. A table by default; with <c>--json</c> one JSON array of entries
/// (<c>{id, at, actor, event, recordType, recordId, remoteAddress, details}</c>, details the stored JSON object).
/// Dates are <c>yyyy-MM-dd</c> (UTC midnight; <c>--until</c> is then inclusive of that day) or an ISO 8601 instant; a bad one is
/// exit 2 naming the option.
/// </summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Entries at or after this UTC date (yyyy-MM-dd) or ISO 8601 instant.", HelpName = "date" };
        var until = new Option<string?>("--until") { Description = "Entries up to this UTC date (yyyy-MM-dd, the whole day) or before this ISO 8601 instant.", HelpName = "date" };
        var eventName = new Option<string?>("--event") { Description = "One event (record.updated, export, signin.failed, ...) or its first part (record).", HelpName = "name" };
        var actor = new Option<string?>("--actor") { Description = "Entries by this actor, as recorded (a user name, cli, ingest).", HelpName = "name" };
        var limit = new Option<int>("--limit") { Description = $"At most this many entries, newest first (1 to {ListAuditEntries.MaxLimit}; default 100).", DefaultValueFactory = _ => 100, HelpName = "n" };
        var json = new Option<bool>("--json") { Description = "Write one JSON array of entries on stdout instead of a table." };
        var command = new Command("audit", "Read the append-only audit log: record changes with their values before and after, sign-ins, token use, refusals and exports.")
        {
            since, until, eventName, actor, limit, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(since), parse.GetValue(until), parse.GetValue(eventName), parse.GetValue(actor), parse.GetValue(limit), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? sinceText, string? untilText, string? eventName, string? actor, int limit, bool json, CancellationToken cancellationToken)
    {
        if (!TryInstant(sinceText, endOfDay: false, out var since))
        {
            return CliContext.Fail($"--since: '{sinceText}' is not a date; use yyyy-MM-dd or an ISO 8601 instant such as 2026-11-30T08:00:00Z", ExitCodes.BadInput);
        }

        if (!TryInstant(untilText, endOfDay: true, out var until))
        {
            return CliContext.Fail($"--until: '{untilText}' is not a date; use yyyy-MM-dd or an ISO 8601 instant such as 2026-11-30T08:00:00Z", ExitCodes.BadInput);
        }

        if (since >= until)
        {
            return CliContext.Fail($"--since ({sinceText}) is after --until ({untilText}): no entry could match", ExitCodes.BadInput);
        }

        if (limit is < 1 or > ListAuditEntries.MaxLimit)
        {
            return CliContext.Fail($"--limit: must be 1 to {ListAuditEntries.MaxLimit} (not {limit})", ExitCodes.BadInput);
        }

        return await CliContext.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<ListAuditEntries>().HandleAsync(new AuditQuery(since, until, eventName, actor, Limit: limit), ct);
            if (!result.Succeeded)
            {
                return CliContext.Fail(result.Failure!);
            }

            var entries = result.Value!.Items;
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(entries.Select(e => new
                {
                    id = e.Id,
                    at = e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    actor = e.Actor,
                    @event = e.Event,
                    recordType = e.RecordType is { } type ? JsonNamingPolicy.CamelCase.ConvertName(type.ToString()) : null,
                    recordId = e.RecordId,
                    remoteAddress = e.RemoteAddress,
                    details = JsonDocument.Parse(e.Details).RootElement,
                }), Json));
                return ExitCodes.Ok;
            }

            var console = CliConsole.Create();
            if (entries.Count == 0)
            {
                console.WriteLine("no audit entries match");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns(new TableColumn("Id").RightAligned(), new TableColumn("When (UTC)"), new TableColumn("Actor"), new TableColumn("Event"), new TableColumn("Record"), new TableColumn("Details"));
            foreach (var e in entries)
            {
                var record = e.RecordType is { } type ? $"{type.ToString().ToLowerInvariant()} {e.RecordId}" : "";
                table.AddRow(
                    e.Id.ToString(CultureInfo.InvariantCulture),
                    e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(e.Actor),
                    Markup.Escape(e.Event),
                    Markup.Escape(record),
                    Markup.Escape(e.Details.Length <= 200 ? e.Details : e.Details[..199] + "…"));
            }

            console.Write(table);
            if (result.Value.NextBefore is not null)
            {
                console.WriteLine($"showing the newest {entries.Count}; --limit or --since/--until for others");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
    }

    /// <summary>Reads yyyy-MM-dd (UTC midnight; the next midnight when <paramref name="endOfDay"/>) or an ISO 8601 instant; blank is no bound.</summary>
    private static bool TryInstant(string? text, bool endOfDay, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, Utc, out var day))
        {
            instant = endOfDay ? day.AddDays(1) : day;
            return true;
        }

        if (text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, Utc, out var at))
        {
            instant = at;
            return true;
        }

        return false;
    }
}
