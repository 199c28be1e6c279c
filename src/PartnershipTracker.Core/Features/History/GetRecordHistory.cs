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
/// <remarks>
/// A link to another record (<see cref="LinkFields"/>: an area, an initiative, a source's previous version) that the
/// reader may not see reads as JSON null, as in every other read: a hidden record leaves no trace, not even its id.
/// A deleted linked record still shows its id (history outlives deletion; the link field of a live record does not).
/// </remarks>
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
        var entries = rows.Select(c => new ChangeEntry(c.Id, c.Action, c.Revision, c.At, c.Actor, Fields(c.Changes))).ToList();
        var hidden = new HashSet<(RecordType, int)>();
        foreach (var link in entries.SelectMany(e => e.Fields).Where(f => !f.Omitted && LinkFields.ContainsKey(f.Field))
            .SelectMany(f => new[] { f.Before, f.After }.Where(v => v.ValueKind == JsonValueKind.Number).Select(v => (LinkFields[f.Field], v.GetInt32())))
            .Distinct())
        {
            if (await EditableRecords.FindAsync(db, link.Item1, link.Item2, includeDeleted: true, cancellationToken) is null)
            {
                hidden.Add(link);
            }
        }

        if (hidden.Count == 0)
        {
            return entries;
        }

        JsonElement Shown(string field, JsonElement value) =>
            value.ValueKind == JsonValueKind.Number && hidden.Contains((LinkFields[field], value.GetInt32())) ? Null : value;
        return entries.Select(e => e with
        {
            Fields = e.Fields.Select(f => f.Omitted || !LinkFields.ContainsKey(f.Field) ? f : f with { Before = Shown(f.Field, f.Before), After = Shown(f.Field, f.After) }).ToList(),
        }).ToList();
    }

    /// <summary>The fields of a change that hold the id of another record, and that record's type.</summary>
    public static IReadOnlyDictionary<string, RecordType> LinkFields { get; } = new Dictionary<string, RecordType>(StringComparer.Ordinal)
    {
        ["AreaId"] = RecordType.Area,
        ["InitiativeId"] = RecordType.Initiative,
        ["PreviousVersionId"] = RecordType.Source,
    };

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

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
