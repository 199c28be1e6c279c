using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;
using PartnershipTracker.Web.Infrastructure.Authentication;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// <c>/deleted</c>: the deleted records of the programme, most recently deleted first, each with a "Restore"
/// button (and, for an admin, "Delete for good"); <c>?type=initiative</c> for one type, <c>?programme=SLUG</c> for another programme. An unknown type
/// is named in a message and every type is listed.
/// </summary>
public sealed class DeletedModel(ListDeletedRecords handler) : PageModel
{
    public RecordList<RecordSummary> List { get; private set; } = null!;

    /// <summary>The type asked for, when it is one.</summary>
    public RecordSection? Section { get; private set; }

    /// <summary>Why the query was not used as given.</summary>
    public string? Message { get; private set; }

    /// <summary>"Achievement 12 was deleted for good …" once after a purge: set by the purge POST (<see cref="RecordActionPage.NoticeKey"/>), never from the query string.</summary>
    public string? Purged { get; private set; }

    /// <summary>True for an admin: each row offers "Delete for good" (the purge page).</summary>
    public bool CanPurge => User.RoleOf() == Role.Admin;

    public async Task<IActionResult> OnGetAsync(
        [FromQuery] string? type, [FromQuery] string? programme, CancellationToken cancellationToken)
    {
        Purged = TempData[RecordActionPage.NoticeKey] as string;

        if (!string.IsNullOrWhiteSpace(type))
        {
            Section = RecordSections.FromNoun(type.Trim()) ?? RecordSections.FromPath(type.Trim());
            Message = Section is null ? $"“{type}” is not a record type; showing deleted records of every type." : null;
        }

        return this.PageOr(
            await handler.HandleAsync(string.IsNullOrWhiteSpace(programme) ? null : programme, Section?.Type, cancellationToken),
            value => List = value);
    }
}
