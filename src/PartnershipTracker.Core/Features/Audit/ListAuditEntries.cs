using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Audit;

/// <summary>Which audit entries to read, newest first.</summary>
/// <param name="Since">Entries at or after this instant; null: from the start.</param>
/// <param name="Until">Entries before this instant (exclusive); null: up to now.</param>
/// <param name="Event">An event name ("record.updated"), or its first part ("record": every record event); null: every event.</param>
/// <param name="Actor">Entries by this actor, exactly as recorded (user name, "cli", "ingest", …); null: everyone.</param>
/// <param name="Before">The paging cursor: entries with a smaller id than this (the previous page's <see cref="AuditPage.NextBefore"/>).</param>
/// <param name="Limit">Entries per page, 1 to <see cref="ListAuditEntries.MaxLimit"/>.</param>
public sealed record AuditQuery(
    DateTimeOffset? Since = null, DateTimeOffset? Until = null, string? Event = null, string? Actor = null, long? Before = null, int Limit = ListAuditEntries.DefaultLimit);

/// <summary>One audit entry as read. <see cref="Details"/> is the stored JSON object (for record changes <c>{"Field":{"before":…,"after":…}}</c>).</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Event, RecordType? RecordType, int? RecordId, string? RemoteAddress, string Details);

/// <summary>A page of audit entries, newest first; <see cref="NextBefore"/> asks for the next (older) page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Items, long? NextBefore);

/// <summary>
/// Reads the append-only audit log (PRODUCT.md C9) newest first, filtered by time, event and actor, keeping to the
/// reader's marking: an entry about a record the reader may not see (its <see cref="AuditEntry.Classification"/> and
/// <see cref="AuditEntry.ReleasableTo"/> against <see cref="PtrackDbContext.Access"/>) is left out, as if it were not
/// there. Entries about no record (sign-ins, exports) are all listed: who may read the log at all is the front end's
/// decision (admins). In the details of a record event, a link to another record (<see cref="LinkFields"/>: an area,
/// an initiative, a source) that the reader may not see reads as JSON null, as in the record's history
/// (<see cref="History.GetRecordHistory"/>): a hidden record leaves no trace, not even its id. The stored entry is not
/// changed (the log is append-only), and an unrestricted reader (the CLI) reads it as stored. Failures: Invalid for a limit out of range or <c>since</c> after <c>until</c>.
/// </summary>
public sealed class ListAuditEntries(PtrackDbContext db)
{
    /// <summary>Entries per page unless asked.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The most entries one page may hold.</summary>
    public const int MaxLimit = 1000;

    public async Task<Result<AuditPage>> HandleAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            return Failure.Invalid($"limit must be between 1 and {MaxLimit}", "limit");
        }

        if (query.Since is { } since && query.Until is { } until && since > until)
        {
            return Failure.Invalid("since must not be after until", "since");
        }

        var entries = Visible(db.AuditEntries.AsNoTracking());
        if (query.Since is { } from)
        {
            entries = entries.Where(a => a.At >= from);
        }

        if (query.Until is { } to)
        {
            entries = entries.Where(a => a.At < to);
        }

        if (!string.IsNullOrWhiteSpace(query.Event))
        {
            var name = query.Event.Trim().ToLowerInvariant();
            var prefix = name + ".";
            entries = entries.Where(a => a.Event == name || a.Event.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            entries = entries.Where(a => a.Actor == actor);
        }

        if (query.Before is { } before)
        {
            entries = entries.Where(a => a.Id < before);
        }

        var rows = await entries.OrderByDescending(a => a.Id).Take(query.Limit + 1)
            .Select(a => new AuditRow(a.Id, a.At, a.Actor, a.Event, a.RecordType, a.RecordId, a.RemoteAddress, a.Details))
            .ToListAsync(cancellationToken);
        var more = rows.Count > query.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (!db.Access.SeesAll)
        {
            rows = await HideLinksAsync(rows, cancellationToken);
        }

        return new AuditPage(rows, more ? rows[^1].Id : null);
    }

    /// <summary>The fields of a record event's details that hold the id of another record, and that record's type.</summary>
    public static IReadOnlyDictionary<string, RecordType> LinkFields { get; } = new Dictionary<string, RecordType>(StringComparer.Ordinal)
    {
        ["AreaId"] = RecordType.Area,
        ["InitiativeId"] = RecordType.Initiative,
        ["PreviousVersionId"] = RecordType.Source,
        ["SourceId"] = RecordType.Source,
        ["IndicatorId"] = RecordType.Indicator,
    };

    /// <summary>The rows with every link to a record the reader may not see (or that no longer exists) as JSON null.</summary>
    private async Task<List<AuditRow>> HideLinksAsync(List<AuditRow> rows, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<(RecordType, int), bool>();
        var result = new List<AuditRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!row.Event.StartsWith("record.", StringComparison.Ordinal) && !row.Event.StartsWith("observation.", StringComparison.Ordinal)
                || JsonNode.Parse(row.Details) is not JsonObject details)
            {
                result.Add(row);
                continue;
            }

            var changed = false;
            foreach (var (name, value) in details.ToList())
            {
                if (!LinkFields.TryGetValue(name, out var type))
                {
                    continue;
                }

                if (value is JsonObject change)
                {
                    foreach (var side in new[] { "before", "after" })
                    {
                        if (change[side] is JsonValue id && id.GetValueKind() == JsonValueKind.Number && !await VisibleAsync(type, id.GetValue<int>()))
                        {
                            change[side] = null;
                            changed = true;
                        }
                    }
                }
                else if (value is JsonValue id && id.GetValueKind() == JsonValueKind.Number && !await VisibleAsync(type, id.GetValue<int>()))
                {
                    details[name] = null;
                    changed = true;
                }
            }

            result.Add(changed ? row with { Details = details.ToJsonString() } : row);
        }

        return result;

        async Task<bool> VisibleAsync(RecordType type, int id)
        {
            if (!seen.TryGetValue((type, id), out var visible))
            {
                visible = await EditableRecords.FindAsync(db, type, id, includeDeleted: true, cancellationToken) is not null;
                seen[(type, id)] = visible;
            }

            return visible;
        }
    }

    /// <summary>The marking rule of <see cref="Security.RecordAccess.CanSee(Classification, string?)"/> as a query condition, for entries about a record.</summary>
    private IQueryable<AuditEntry> Visible(IQueryable<AuditEntry> entries)
    {
        var access = db.Access;
        if (access.SeesAll)
        {
            return entries;
        }

        if (access.SeesNothing)
        {
            return entries.Where(a => a.RecordType == null);
        }

        var (clearance, nationality, organisation) = (access.Clearance, access.NationalityToken, access.OrganisationToken);
        return entries.Where(a => a.RecordType == null
            || (a.Classification <= clearance && (a.ReleasableTo == "" || a.ReleasableTo.Contains(nationality) || a.ReleasableTo.Contains(organisation))));
    }
}
