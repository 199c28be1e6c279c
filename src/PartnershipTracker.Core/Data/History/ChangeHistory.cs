using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.History;

/// <summary>
/// Turns the tracked changes of editable records into revisions and <see cref="ChangeRecord"/>s. Called by
/// <see cref="PtrackDbContext"/> on every save, in two steps: <see cref="Prepare"/> before the save (bumps
/// revisions, remembers the values before), <see cref="Complete"/> once new records have their ids.
/// </summary>
internal static class ChangeHistory
{
    /// <summary>Model annotation on a property whose values are too large to copy into history (a source's content).</summary>
    public const string OmittedAnnotation = "Ptrack:OmittedFromHistory";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Sets <see cref="IEditableRecord.Revision"/> (1 for a new record, original + 1 for a changed one) and
    /// returns the changes to record. A modified entry whose values all equal the originals is not a change.
    /// Hard deletes (<see cref="EntityState.Deleted"/>) are not recorded: records are deleted softly.
    /// </summary>
    public static List<PendingChange> Prepare(ChangeTracker tracker)
    {
        var pending = new List<PendingChange>();
        foreach (var entry in tracker.Entries<IEditableRecord>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.Revision = 1;
                pending.Add(new PendingChange(entry, ChangeAction.Created, []));
            }
            else if (entry.State == EntityState.Modified)
            {
                ApprovedVersions.Keep(entry);
                var changed = entry.Properties
                    .Where(p => p.IsModified && IsField(p.Metadata) && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue))
                    .Select(p => (p.Metadata, p.OriginalValue))
                    .ToList();
                var deletedAt = entry.Property(nameof(IEditableRecord.DeletedAt));
                var action = (deletedAt.OriginalValue, deletedAt.CurrentValue) switch
                {
                    (null, not null) => ChangeAction.Deleted,
                    (not null, null) => ChangeAction.Restored,
                    _ when ReviewTransition(entry, changed) is { } transition => transition,
                    _ when changed.Count > 0 => ChangeAction.Updated,
                    _ => (ChangeAction?)null,
                };
                if (action is null)
                {
                    continue;
                }

                entry.Entity.Revision = (int)entry.Property(nameof(IEditableRecord.Revision)).OriginalValue! + 1;
                pending.Add(new PendingChange(entry, action.Value, changed));
            }
        }

        return pending;
    }

    /// <summary>The history rows for <paramref name="pending"/>, read after the save so that new records and foreign keys have their ids.</summary>
    public static IEnumerable<ChangeRecord> Complete(IEnumerable<PendingChange> pending, string actor, DateTimeOffset at) =>
        pending.Select(change => new ChangeRecord
        {
            ProgrammeId = change.Entry.Entity.ProgrammeId,
            RecordType = EditableRecords.TypeOf(change.Entry.Entity.GetType()),
            RecordId = change.Entry.Entity.Id,
            Action = change.Action,
            Revision = change.Entry.Entity.Revision,
            At = at,
            Actor = actor,
            Changes = Write(change),
            Classification = change.Marking.Classification,
            ReleasableTo = change.Marking.ReleasableTo,
        });

    /// <summary>
    /// A change of the review state alone (with or without the reviewer's comment) to Submitted, Approved or Returned
    /// is that step of the review workflow; a change that also alters other fields is an update.
    /// </summary>
    private static ChangeAction? ReviewTransition(EntityEntry<IEditableRecord> entry, List<(IProperty Metadata, object? OriginalValue)> changed)
    {
        if (!changed.Any(c => c.Metadata.Name == nameof(IEditableRecord.ReviewState))
            || changed.Any(c => c.Metadata.Name is not (nameof(IEditableRecord.ReviewState) or nameof(IEditableRecord.ReviewComment))))
        {
            return null;
        }

        return entry.Entity.ReviewState switch
        {
            ReviewState.Submitted => ChangeAction.Submitted,
            ReviewState.Approved => ChangeAction.Approved,
            ReviewState.Returned => ChangeAction.Returned,
            _ => null,
        };
    }

    /// <summary>True for a property the change history lists: not a key, not the revision, deletion time or approved version.</summary>
    internal static bool IsField(IProperty property) =>
        !property.IsPrimaryKey() && !property.IsShadowProperty()
        && property.Name is not (nameof(IEditableRecord.Revision) or nameof(IEditableRecord.DeletedAt) or nameof(IEditableRecord.ApprovedVersion));

    private static string Write(PendingChange change)
    {
        var fields = change.Action == ChangeAction.Created
            ? change.Entry.Properties.Where(p => IsField(p.Metadata) && p.CurrentValue is not null).Select(p => (p.Metadata, Before: (object?)null))
            : change.Before;

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            foreach (var (property, before) in fields)
            {
                json.WriteStartObject(property.Name);
                if (property.FindAnnotation(OmittedAnnotation) is not null)
                {
                    json.WriteBoolean("omitted", true);
                }
                else
                {
                    json.WritePropertyName("before");
                    WriteValue(json, before);
                    json.WritePropertyName("after");
                    WriteValue(json, change.Entry.Property(property.Name).CurrentValue);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// A JSON object of property name → value, each value in the shape <see cref="Complete"/> writes as "before" and
    /// "after" (<see cref="WriteValue"/>): the form of <see cref="IEditableRecord.ApprovedVersion"/>.
    /// </summary>
    internal static string WriteValues(IEnumerable<(IProperty Property, object? Value)> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            foreach (var (property, value) in values)
            {
                json.WritePropertyName(property.Name);
                WriteValue(json, value);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The value <see cref="WriteValue"/> wrote for <paramref name="property"/>, read back as the property's CLR type
    /// through the model: enums by name, instants as ISO 8601, and any other text (a partial date) or array (a source's
    /// data-quality flags) through the property's value converter, which reads the same text the database holds.
    /// </summary>
    /// <exception cref="FormatException">The JSON does not hold a value of the property's type (a bug: only this class writes it).</exception>
    internal static object? ReadValue(IProperty property, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type == typeof(string))
        {
            return value.GetString();
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, value.GetString()!);
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        var converter = property.GetTypeMapping().Converter;
        if (converter is not null && converter.ProviderClrType == typeof(string) && value.ValueKind is JsonValueKind.String or JsonValueKind.Array)
        {
            return converter.ConvertFromProvider(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
        }

        return value.Deserialize(type) ?? throw new FormatException($"{property.DeclaringType.ClrType.Name}.{property.Name}: no value in {value.GetRawText()}");
    }

    /// <summary>
    /// Every field of <paramref name="entry"/>'s record as a change-history JSON object with each value as "before" and
    /// null "after" (the shape of a creation, reversed): <c>{"Title":{"before":"…","after":null}}</c>; large text
    /// fields are <c>{"omitted":true}</c>. The audit entry of a purge keeps these values (docs/adr/0018-hard-delete.md).
    /// </summary>
    public static string WriteRemoved(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            foreach (var property in entry.Properties.Where(p => IsField(p.Metadata) && p.CurrentValue is not null))
            {
                json.WriteStartObject(property.Metadata.Name);
                if (property.Metadata.FindAnnotation(OmittedAnnotation) is not null)
                {
                    json.WriteBoolean("omitted", true);
                }
                else
                {
                    json.WritePropertyName("before");
                    WriteValue(json, property.CurrentValue);
                    json.WritePropertyName("after");
                    json.WriteNullValue();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Values as they read in the database: enums by name, partial dates as ISO text, instants in ISO 8601.</summary>
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case DateTimeOffset instant:
                json.WriteStringValue(instant.ToString("O", CultureInfo.InvariantCulture));
                break;
            case IEnumerable items and not string:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                // Enums are IFormattable (their name); partial dates and chars write their ISO or literal text here.
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}

/// <summary>A change found by <see cref="ChangeHistory.Prepare"/>: the entry, what it did, and each changed field's value before.</summary>
internal sealed record PendingChange(EntityEntry<IEditableRecord> Entry, ChangeAction Action, IReadOnlyList<(IProperty Property, object? Before)> Before)
{
    /// <summary>True when the change altered the record's classification or Releasable To list.</summary>
    public bool MarkingChanged => Before.Any(b => b.Property.Name is nameof(IEditableRecord.Classification) or nameof(IEditableRecord.ReleasableTo));

    /// <summary>
    /// The marking of this change's history entry: the stricter of the record's marking before and after the change
    /// (<see cref="Markings.Stricter"/>), so that lowering a marking does not release the values it had before.
    /// </summary>
    public (Classification Classification, string ReleasableTo) Marking
    {
        get
        {
            var record = Entry.Entity;
            var before = Before.FirstOrDefault(b => b.Property.Name == nameof(IEditableRecord.Classification)).Before as Classification? ?? record.Classification;
            var beforeList = Before.Any(b => b.Property.Name == nameof(IEditableRecord.ReleasableTo))
                ? Before.First(b => b.Property.Name == nameof(IEditableRecord.ReleasableTo)).Before as string
                : record.ReleasableTo;
            return Markings.Stricter(before, beforeList, record.Classification, record.ReleasableTo);
        }
    }
}
