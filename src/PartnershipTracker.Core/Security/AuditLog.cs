using System.Text.Encodings.Web;
using System.Text.Json;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Security;

/// <summary>
/// Builds <see cref="AuditEntry"/> rows. Record changes are added by <see cref="Data.PtrackDbContext"/> on every save
/// (from the same values as the <see cref="ChangeRecord"/>); front ends add the others (sign-ins, token use, denials,
/// exports) with <see cref="Entry"/>. The log is append-only: rows are only ever added.
/// </summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The audit entry of a saved record change: event "record.created", "record.updated", "record.deleted" or
    /// "record.restored"; <paramref name="remoteAddress"/> is the web client's address (null from the CLI).
    /// </summary>
    public static AuditEntry FromChange(ChangeRecord change, string? remoteAddress = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new AuditEntry
        {
            At = change.At,
            Actor = change.Actor,
            Event = "record." + change.Action.ToString().ToLowerInvariant(),
            RecordType = change.RecordType,
            RecordId = change.RecordId,
            Classification = change.Classification,
            ReleasableTo = change.ReleasableTo,
            Details = change.Changes,
            RemoteAddress = remoteAddress,
        };
    }

    /// <summary>
    /// An audit entry for an event other than a record change. <paramref name="details"/> is serialized as a JSON
    /// object (an anonymous object or a dictionary; null gives <c>{}</c>). Never put a password or token in it.
    /// </summary>
    public static AuditEntry Entry(
        DateTimeOffset at, string actor, string eventName, object? details = null, string? remoteAddress = null, IEditableRecord? record = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return new AuditEntry
        {
            At = at,
            Actor = actor.Length <= 200 ? actor : actor[..200],
            Event = eventName,
            RecordType = record is null ? null : Data.EditableRecords.TypeOf(record.GetType()),
            RecordId = record?.Id,
            Classification = record?.Classification ?? Classification.Public,
            ReleasableTo = record?.ReleasableTo ?? string.Empty,
            RemoteAddress = remoteAddress,
            Details = details is null ? "{}" : JsonSerializer.Serialize(details, Json),
        };
    }
}
