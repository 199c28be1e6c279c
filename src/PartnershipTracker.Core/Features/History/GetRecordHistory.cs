using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.History;

/// <summary>One field of a change: its value before and after, as JSON values (enums by name, partial dates as ISO text, JSON null for none); when <see cref="Omitted"/> (a large text field) both are <c>default</c> (<see cref="JsonValueKind.Undefined"/>).</summary>
public sealed record FieldChange(string Field, JsonElement Before, JsonElement After, bool Omitted);

/// <summary>One change of a record: what, to which revision, when, by whom, and the fields it changed.</summary>
public sealed record ChangeEntry(long Id, ChangeAction Action, int Revision, DateTimeOffset At, string Actor, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// The history of one record, newest first, whether or not the record is deleted. Failures: Invalid for a type
/// without history (programme, observation), NotFound when no record of that type has the id.
/// </summary>
public sealed class GetRecordHistory(PtrackDbContext db)
{
    public async Task<Result<IReadOnlyList<ChangeEntry>>> HandleAsync(RecordType type, int id, CancellationToken cancellationToken = default)
    {
        if (!EditableRecords.IsEditable(type))
        {
            return Failure.Invalid($"a {EditableRecords.Noun(type)} has no history of its own", "type");
        }

        if (await EditableRecords.FindAsync(db, type, id, includeDeleted: true, cancellationToken) is null)
        {
            return RecordReading.NotFound(EditableRecords.Noun(type), id);
        }

        var rows = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.RecordType == type && c.RecordId == id)
            .OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(c => new ChangeEntry(c.Id, c.Action, c.Revision, c.At, c.Actor, Fields(c.Changes))).ToList();
    }

    private static List<FieldChange> Fields(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        return json.RootElement.EnumerateObject()
            .Select(field => field.Value.TryGetProperty("omitted", out _)
                ? new FieldChange(field.Name, default, default, Omitted: true)
                : new FieldChange(field.Name, field.Value.GetProperty("before").Clone(), field.Value.GetProperty("after").Clone(), Omitted: false))
            .ToList();
    }
}
