using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// <c>/X/ID/delete</c> for every editable type: GET asks first (what will go, at which revision); POST deletes
/// softly at the revision the page showed and sends the browser to the list, whose notice offers "Undo". A record
/// changed since the page was shown is not deleted: the page comes back (409) with the new revision to confirm.
/// </summary>
public sealed class DeleteModel(GetRecordSummary summaries, DeleteRecord delete) : RecordActionPage(summaries)
{
    protected override string MissingRevision => "the form has no revision; open the delete page again";

    protected override async Task<Failure?> RunAsync(RecordAtRevision request, CancellationToken cancellationToken) =>
        (await delete.HandleAsync(request, cancellationToken)).Failure;

    protected override string Done(int id) => Section.ListLink + "?deleted=" + Text(id);

    protected override Failure? Refuse(RecordSummary record) => record.DeletedAt is null ? null
        : Failure.NotFound($"{Section.Singular} {record.Id} is already deleted; it can be restored from the deleted {Section.Plural}");
}
