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

    /// <summary>"achievement 12 was deleted for good" after a purge (<c>?purged=12&amp;purgedType=achievement</c>).</summary>
    public string? Purged { get; private set; }

    /// <summary>True for an admin: each row offers "Delete for good" (the purge page).</summary>
    public bool CanPurge => User.RoleOf() == Role.Admin;

    public async Task<IActionResult> OnGetAsync(
        [FromQuery] string? type, [FromQuery] string? programme, [FromQuery] int? purged, [FromQuery] string? purgedType, CancellationToken cancellationToken)
    {
        if (purged is { } purgedId && RecordSections.FromNoun(purgedType ?? string.Empty) is { } purgedSection)
        {
            Purged = $"{purgedSection.Title} {purgedId} was deleted for good, with its evidence and history.";
        }

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
