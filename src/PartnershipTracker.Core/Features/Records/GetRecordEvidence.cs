using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// The evidence of one live record, by source and line. Failures: Invalid for a type that is not an editable
/// record, NotFound for an unknown or deleted record.
/// </summary>
public sealed class GetRecordEvidence(PtrackDbContext db)
{
    public async Task<Result<IReadOnlyList<EvidenceRow>>> HandleAsync(RecordType type, int id, CancellationToken cancellationToken = default)
    {
        if (!EditableRecords.IsEditable(type))
        {
            return Failure.Invalid($"a {EditableRecords.Noun(type)} has no evidence of its own", "type");
        }

        if (await EditableRecords.FindAsync(db, type, id, includeDeleted: false, cancellationToken) is null)
        {
            return RecordReading.NotFound(EditableRecords.Noun(type), id);
        }

        return await RecordReading.EvidenceAsync(db, type, id, cancellationToken);
    }
}
