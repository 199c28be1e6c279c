using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Data.History;

/// <summary>
/// Keeps the approved version of a record while a later change awaits review (PRODUCT.md C3: reports and exports use
/// approved data unless asked to include drafts; docs/adr/0017-review-workflow-and-audit.md, "Approved version").
/// </summary>
/// <remarks>
/// Applied on every save (<see cref="ChangeHistory.Prepare"/>), so every way a record leaves Approved is covered: a
/// contributor's edit on a page or through the API (PUT and PATCH), a re-ingest that changes a record as a draft.
/// When a record goes from Approved to any other state, its field values as they were (the values before this save)
/// are written to <see cref="IEditableRecord.ApprovedVersion"/>; while it stays unapproved (further edits, submit,
/// return) that first snapshot is kept; when it is approved again the snapshot is cleared. A record created as a
/// draft never had an approved version and has none. The snapshot holds every field the change history lists except
/// the review state and comment and the fields too large for history (a source's text and ingest report), in the
/// shape the history writes (<see cref="ChangeHistory.WriteValues"/>).
/// </remarks>
internal static class ApprovedVersions
{
    /// <summary>Writes, keeps or clears the approved version of a modified record, before the save.</summary>
    public static void Keep(EntityEntry<IEditableRecord> entry)
    {
        var state = entry.Property(r => r.ReviewState);
        var snapshot = entry.Property(r => r.ApprovedVersion);
        if (state.CurrentValue == ReviewState.Approved)
        {
            snapshot.CurrentValue = null;
        }
        else if (state.OriginalValue == ReviewState.Approved)
        {
            snapshot.CurrentValue = ChangeHistory.WriteValues(
                entry.Properties.Where(p => IsKept(p.Metadata)).Select(p => (p.Metadata, p.OriginalValue)));
        }
    }

    /// <summary>
    /// Sets the fields of <paramref name="record"/> (read untracked) to its approved version, when it has one: the
    /// record then reads as it was last approved. Fields the snapshot does not hold (the marking is held but not
    /// applied: see remarks) keep their current values. Returns false when there is no approved version.
    /// </summary>
    /// <remarks>
    /// The marking stays the current one: it decides who may read the record at all, and a contributor can only keep
    /// or raise it (lowering needs a reviewer, whose edit approves the record), so it is at least as strict as the
    /// approved version's.
    /// </remarks>
    public static bool ApplyTo(IEditableRecord record, IModel model)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ApprovedVersion is null)
        {
            return false;
        }

        var type = model.FindEntityType(record.GetType())
            ?? throw new InvalidOperationException($"{record.GetType().Name} is not in the model");
        using var json = JsonDocument.Parse(record.ApprovedVersion);
        foreach (var value in json.RootElement.EnumerateObject())
        {
            var property = type.FindProperty(value.Name);
            if (property is null || !IsKept(property)
                || property.Name is nameof(IEditableRecord.Classification) or nameof(IEditableRecord.ReleasableTo))
            {
                continue;
            }

            var clr = property.PropertyInfo ?? throw new InvalidOperationException($"{type.ClrType.Name}.{property.Name} has no CLR property");
            clr.SetValue(record, ChangeHistory.ReadValue(property, value.Value));
        }

        return true;
    }

    private static bool IsKept(IProperty property) =>
        ChangeHistory.IsField(property)
        && property.FindAnnotation(ChangeHistory.OmittedAnnotation) is null
        && property.Name is not (nameof(IEditableRecord.ReviewState) or nameof(IEditableRecord.ReviewComment));
}
