using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// <c>/X/ID/purge</c> (admins only): GET asks to confirm deleting a deleted record for good, with what goes with it;
/// POST purges it (<see cref="PurgeRecord"/>) and sends the browser to <c>/deleted</c>, whose notice (set by this POST,
/// <see cref="RecordActionPage.NoticeKey"/>) names what was purged. A live record is a 409 ("delete it first"); a record others point at comes back with the reason (409).
/// </summary>
public sealed class PurgeModel(GetRecordSummary summaries, PurgeRecord purge) : RecordActionPage(summaries)
{
    protected override string MissingRevision => "the form has no revision; open the page again";

    protected override async Task<Failure?> RunAsync(RecordAtRevision request, CancellationToken cancellationToken) =>
        (await purge.HandleAsync(request, cancellationToken)).Failure;

    protected override string Done(int id) => "/deleted";

    protected override string? Notice(int id) => $"{Section.Title} {Text(id)} was deleted for good, with its evidence and history.";

    protected override Failure? Refuse(RecordSummary record) => record.DeletedAt is not null ? null
        : Failure.Conflict($"{Section.Singular} {record.Id} is not deleted: delete it first; only a deleted record can be purged");
}
