using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// <c>/X/ID/restore</c> for every editable type: GET shows the deleted record and a "Restore" button; POST (also
/// the list's "Undo" button) restores it at the revision the form carried and sends the browser to its page, which
/// says once that it was restored (<see cref="RecordActionPage.NoticeKey"/>).
/// A record restored or changed since is not touched: the page says so (409).
/// </summary>
public sealed class RestoreModel(GetRecordSummary summaries, RestoreRecord restore) : RecordActionPage(summaries)
{
    protected override string MissingRevision => "the form has no revision; open the page again";

    protected override async Task<Failure?> RunAsync(RecordAtRevision request, CancellationToken cancellationToken) =>
        (await restore.HandleAsync(request, cancellationToken)).Failure;

    protected override string Done(int id) => Section.DetailLink(id);

    protected override string? Notice(int id) => $"{Section.Title} restored.";
}
