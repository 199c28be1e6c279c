using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Review;

/// <summary>
/// The live records of a programme (the only one, or the one named by slug) in one review state, submitted by
/// default: a reviewer's work list. Keeps to the reader's marking like every query. Lists at most
/// <see cref="MaxPerType"/> records of each type, newest first. Failures as <see cref="ProgrammeLookup"/>.
/// </summary>
public sealed class ListRecordsInReview(Data.PtrackDbContext db, ProgrammeLookup programmes)
{
    /// <summary>At most this many records are listed per type.</summary>
    public const int MaxPerType = 500;

    public async Task<Result<RecordList<RecordSummary>>> HandleAsync(string? programme, ReviewState state = ReviewState.Submitted, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var items = new List<RecordSummary>();
        foreach (var type in RecordSummaries.Types)
        {
            items.AddRange(await RecordSummaries.Query(db, type, new SummaryFilter(ProgrammeId: found.Value!.Id, Take: MaxPerType, ReviewState: state))
                .ToListAsync(cancellationToken));
        }

        return new RecordList<RecordSummary>(found.Value!, items);
    }
}
