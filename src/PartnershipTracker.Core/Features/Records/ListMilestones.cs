using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// The milestones of a programme. Filters: initiative, status, q (title, description, date as written). Sorts:
/// date (default; undated first when ascending, as SQLite orders NULL), id, title, status.
/// </summary>
public sealed class ListMilestones(PtrackDbContext db, ProgrammeLookup programmes)
{
    private readonly ListShape<Milestone, MilestoneRow> _shape = new(
        "milestone",
        [
            SortField.Of<Milestone, PartialDate?>("date", m => m.Date),
            SortField.Of<Milestone, int>("id", m => m.Id),
            SortField.Of<Milestone, string>("title", m => m.Title),
            SortField.Of<Milestone, MilestoneStatus>("status", m => m.Status),
        ],
        (records, query, errors) => Filter(db, records, query, errors),
        m => new MilestoneRow(m.Id, m.Title, m.Description, m.Date, m.DateText, m.Status, m.Confidence) { Revision = m.Revision, ReviewState = m.ReviewState, ReviewComment = m.ReviewComment, InitiativeId = db.Initiatives.Any(i => i.Id == m.InitiativeId) ? m.InitiativeId : null, Classification = Markings.Label(m.Classification), ReleasableTo = Markings.ReleasableToEntries(m.ReleasableTo) });

    /// <summary>Every milestone by date (undated last), as a timeline.</summary>
    public async Task<Result<RecordList<MilestoneRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;

        // PartialDate is stored as ISO 8601 text, so ordering by it in the database is date order.
        var items = await db.Milestones.AsNoTracking().Where(m => m.ProgrammeId == id)
            .OrderBy(m => m.Date == null).ThenBy(m => m.Date).ThenBy(m => m.Id)
            .Select(_shape.Row)
            .ToListAsync(cancellationToken);
        return new RecordList<MilestoneRow>(found.Value, items);
    }

    /// <summary>One page of the milestones <paramref name="query"/> selects; Invalid names the parameter at fault.</summary>
    public Task<Result<RecordPage<MilestoneRow>>> HandleAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        RecordLists.PageAsync(db, programmes, _shape, query, cancellationToken);

    /// <summary>One live milestone as lists show it (with its revision); NotFound when there is none.</summary>
    public Task<Result<MilestoneRow>> GetRowAsync(int id, CancellationToken cancellationToken = default) =>
        RecordLists.RowAsync(db, _shape, id, cancellationToken);

    private static IQueryable<Milestone> Filter(PtrackDbContext db, IQueryable<Milestone> records, RecordQuery query, FieldErrors errors)
    {
        RecordLists.Unsupported(errors, query, "milestone", "area", "severity", "cycle", "kind");
        if (query.Initiative is int initiative)
        {
            records = records.Where(m => m.InitiativeId == initiative && db.Initiatives.Any(i => i.Id == initiative));
        }

        if (errors.Enum<MilestoneStatus>("status", query.Status) is MilestoneStatus status)
        {
            records = records.Where(m => m.Status == status);
        }

        return RecordLists.Containing(records, query.Q, m => m.Title, m => m.Description, m => m.DateText);
    }
}
