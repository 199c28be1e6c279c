using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Ingest.Repeats;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>What a purge removed: the record and the rows that existed only because of it.</summary>
/// <param name="Evidence">Evidence rows of the record (its links to passages of sources).</param>
/// <param name="History">Change records of the record (its whole change history).</param>
/// <param name="Observations">An indicator's observations; 0 for other types.</param>
/// <param name="Passages">A source's passage signatures and the copies found of them, in both directions; 0 for other types.</param>
public sealed record PurgedRecord(RecordType Type, int Id, int Evidence, int History, int Observations, int Passages);

/// <summary>
/// Deletes a softly deleted record for good (issue 5, "hard delete"; docs/adr/0018-hard-delete.md), admins only. Removes,
/// in one transaction, the record's row and what exists only because of it: its evidence, its change history, an
/// indicator's observations, an area's aliases, a source's passage signatures (bands go with them) and the passage
/// copies found in or of it; the search index follows through its triggers. The audit log keeps one
/// <c>record.purged</c> entry carrying the record's marking and its values before (audit readers see it only under that
/// marking). Failures: Forbidden when the actor is not an admin; Invalid for a type that cannot be purged (programme,
/// observation); NotFound for an unknown id or a record hidden from the actor (hidden == missing); Conflict when the
/// record is not deleted ("delete it first"), is no longer at the expected revision, or other records, live or
/// deleted, still point at it (an area's records, an initiative's milestones, a source's citing records,
/// observations or newer versions), naming how many the actor can see.
/// </summary>
public sealed class PurgeRecord(PtrackDbContext db, TimeProvider time)
{
    /// <summary>The audit event a purge writes.</summary>
    public const string PurgedEvent = "record.purged";

    public async Task<Result<PurgedRecord>> HandleAsync(RecordAtRevision request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (db.Actor.Role != Role.Admin)
        {
            return Failure.Forbidden("only an admin can purge a record");
        }

        var noun = EditableRecords.Noun(request.Type);
        if (!EditableRecords.IsEditable(request.Type))
        {
            return Failure.Invalid($"a {noun} cannot be purged on its own", "type");
        }

        var record = await EditableRecords.FindAsync(db, request.Type, request.Id, includeDeleted: true, cancellationToken);
        if (record is null)
        {
            return RecordReading.NotFound(noun, request.Id);
        }

        if (record.DeletedAt is null)
        {
            return Failure.Conflict($"{noun} {request.Id} is not deleted: delete it first; only a deleted record can be purged");
        }

        if (record.Revision != request.ExpectedRevision)
        {
            return RecordEditing.Stale(request, record.Revision);
        }

        if (await DependantsAsync(request.Type, request.Id, cancellationToken) is { } refusal)
        {
            return Failure.Conflict($"{noun} {request.Id} cannot be purged: {refusal}");
        }

        var details = JsonNode.Parse(ChangeHistory.WriteRemoved(db.Entry(record)))!.AsObject();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await RemoveOwnRowsAsync(request.Type, request.Id, cancellationToken);
        details["Purged"] = new JsonObject
        {
            ["revision"] = record.Revision,
            ["deletedAt"] = record.DeletedAt.Value.ToString("O", CultureInfo.InvariantCulture),
            ["marking"] = Markings.Describe(record.Classification, record.ReleasableTo),
            ["evidence"] = removed.Evidence,
            ["history"] = removed.History,
            ["observations"] = removed.Observations,
            ["passages"] = removed.Passages,
        };
        db.Remove(record);
        db.AuditEntries.Add(AuditLog.Entry(time.GetUtcNow(), db.Actor.Name, PurgedEvent, details, db.Actor.RemoteAddress, record));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RecordEditing.Stale(request, stored: null);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>
    /// Why the record cannot go, or null when nothing else points at it. Counts every record, live or deleted; the
    /// message names the counts the actor can see, and when only hidden records point at it says no more than that.
    /// </summary>
    private async Task<string?> DependantsAsync(RecordType type, int id, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var hidden = 0;
        void Add(int visible, int all, string one, string many)
        {
            hidden += all - visible;
            if (visible > 0)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, visible == 1 ? one : many, visible));
            }
        }

        switch (type)
        {
            case RecordType.Area:
                var (visibleInArea, allInArea) = await InAreaAsync(id, cancellationToken);
                Add(visibleInArea, allInArea, "{0} record still belongs to it", "{0} records (achievements, challenges, initiatives, recommendations or indicators) still belong to it");
                break;
            case RecordType.Initiative:
                Add(await Deleted(db.Milestones).CountAsync(m => m.InitiativeId == id, cancellationToken),
                    await db.Milestones.IgnoreQueryFilters().CountAsync(m => m.InitiativeId == id, cancellationToken),
                    "{0} milestone still belongs to it", "{0} milestones still belong to it");
                break;
            case RecordType.Source:
                var (visibleCiting, allCiting) = await CitingAsync(id, cancellationToken);
                Add(visibleCiting, allCiting, "{0} record cites it as evidence", "{0} records cite it as evidence");
                Add(await Deleted(db.Observations).CountAsync(o => o.SourceId == id, cancellationToken),
                    await db.Observations.IgnoreQueryFilters().CountAsync(o => o.SourceId == id, cancellationToken),
                    "{0} observation cites it", "{0} observations cite it");
                Add(await Deleted(db.Sources).CountAsync(s => s.PreviousVersionId == id, cancellationToken),
                    await db.Sources.IgnoreQueryFilters().CountAsync(s => s.PreviousVersionId == id, cancellationToken),
                    "{0} newer version of it names it as the previous version", "{0} newer versions of it name it as the previous version");
                break;
            default:
                break;
        }

        if (parts.Count > 0)
        {
            return string.Join("; ", parts) + " (live or deleted); purge or change them first";
        }

        return hidden > 0 ? "other records still point at it" : null;
    }

    /// <summary>Records with this area (visible to the actor, all), live or deleted.</summary>
    private async Task<(int Visible, int All)> InAreaAsync(int areaId, CancellationToken cancellationToken) =>
        (await Deleted(db.Achievements).CountAsync(r => r.AreaId == areaId, cancellationToken)
            + await Deleted(db.Challenges).CountAsync(r => r.AreaId == areaId, cancellationToken)
            + await Deleted(db.Initiatives).CountAsync(r => r.AreaId == areaId, cancellationToken)
            + await Deleted(db.Recommendations).CountAsync(r => r.AreaId == areaId, cancellationToken)
            + await Deleted(db.Indicators).CountAsync(r => r.AreaId == areaId, cancellationToken),
        await db.Achievements.IgnoreQueryFilters().CountAsync(r => r.AreaId == areaId, cancellationToken)
            + await db.Challenges.IgnoreQueryFilters().CountAsync(r => r.AreaId == areaId, cancellationToken)
            + await db.Initiatives.IgnoreQueryFilters().CountAsync(r => r.AreaId == areaId, cancellationToken)
            + await db.Recommendations.IgnoreQueryFilters().CountAsync(r => r.AreaId == areaId, cancellationToken)
            + await db.Indicators.IgnoreQueryFilters().CountAsync(r => r.AreaId == areaId, cancellationToken));

    /// <summary>Other records that cite the source as evidence (visible to the actor, all), live or deleted, each counted once.</summary>
    private async Task<(int Visible, int All)> CitingAsync(int sourceId, CancellationToken cancellationToken)
    {
        var evidence = db.Evidence.IgnoreQueryFilters().Where(e => e.SourceId == sourceId && !(e.RecordType == RecordType.Source && e.RecordId == sourceId));
        var all = await evidence.Select(e => new { e.RecordType, e.RecordId }).Distinct().CountAsync(cancellationToken);
        if (all == 0)
        {
            return (0, 0);
        }

        var visible = await CountCitingAsync(db.Areas, RecordType.Area, evidence, cancellationToken)
            + await CountCitingAsync(db.Achievements, RecordType.Achievement, evidence, cancellationToken)
            + await CountCitingAsync(db.Challenges, RecordType.Challenge, evidence, cancellationToken)
            + await CountCitingAsync(db.Initiatives, RecordType.Initiative, evidence, cancellationToken)
            + await CountCitingAsync(db.Milestones, RecordType.Milestone, evidence, cancellationToken)
            + await CountCitingAsync(db.Recommendations, RecordType.Recommendation, evidence, cancellationToken)
            + await CountCitingAsync(db.Indicators, RecordType.Indicator, evidence, cancellationToken)
            + await CountCitingAsync(db.Sources, RecordType.Source, evidence, cancellationToken);
        return (visible, all);
    }

    private static Task<int> CountCitingAsync<T>(IQueryable<T> set, RecordType type, IQueryable<Evidence> evidence, CancellationToken cancellationToken)
        where T : class, IEditableRecord =>
        Deleted(set).CountAsync(r => evidence.Any(e => e.RecordType == type && e.RecordId == r.Id), cancellationToken);

    /// <summary>Live and deleted records, still under the marking filter: what the actor can see.</summary>
    private static IQueryable<T> Deleted<T>(IQueryable<T> set)
        where T : class =>
        set.IgnoreQueryFilters([EditableRecords.SoftDeleteFilter]);

    /// <summary>Deletes the rows that exist only because of the record, whoever may see them; the record itself is removed by the caller.</summary>
    private async Task<PurgedRecord> RemoveOwnRowsAsync(RecordType type, int id, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.IgnoreQueryFilters().Where(e => e.RecordType == type && e.RecordId == id).ExecuteDeleteAsync(cancellationToken);
        var history = await db.ChangeRecords.IgnoreQueryFilters().Where(c => c.RecordType == type && c.RecordId == id).ExecuteDeleteAsync(cancellationToken);
        var observations = 0;
        var passages = 0;
        switch (type)
        {
            case RecordType.Indicator:
                observations = await db.Observations.IgnoreQueryFilters().Where(o => o.IndicatorId == id).ExecuteDeleteAsync(cancellationToken);
                break;
            case RecordType.Area:
                await db.AreaAliases.Where(a => a.AreaId == id).ExecuteDeleteAsync(cancellationToken);
                break;
            case RecordType.Source:
                passages = await db.PassageCopies.Where(c => c.SourceId == id || c.CopyOfSourceId == id).ExecuteDeleteAsync(cancellationToken);
                var signatures = db.SourcePassages.Where(p => p.SourceId == id);
                await db.PassageBands.Where(b => signatures.Any(p => p.Id == b.PassageId)).ExecuteDeleteAsync(cancellationToken);
                passages += await signatures.ExecuteDeleteAsync(cancellationToken);
                break;
            default:
                break;
        }

        return new PurgedRecord(type, id, evidence, history, observations, passages);
    }
}
