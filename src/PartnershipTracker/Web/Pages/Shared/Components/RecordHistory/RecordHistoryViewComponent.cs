using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.History;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Components;

/// <summary>One changed field as a line of history: "Status: Ongoing → Stalled"; <see cref="Before"/> is null for a created record.</summary>
public sealed record HistoryField(string Label, string? Before, string After, bool Omitted);

/// <summary>One change as the history section lists it.</summary>
public sealed record HistoryItem(ChangeAction Action, int Revision, DateTimeOffset At, string Actor, IReadOnlyList<HistoryField> Fields);

/// <summary>A record's revision and its changes, newest first.</summary>
public sealed record HistoryView(RecordType Type, int Revision, IReadOnlyList<HistoryItem> Changes);

/// <summary>
/// The History section of a detail page (<c>&lt;h2 id="history"&gt;</c>): every change of the record, newest first,
/// with when, who and what, and each changed field as "Label: before → after". Ids of linked records (area,
/// initiative, previous version) are shown by name.
/// </summary>
public sealed class RecordHistoryViewComponent(GetRecordHistory history, GetRecordSummary summaries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(RecordType type, int id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var summary = await summaries.HandleAsync(type, id, cancellationToken);
        var changes = await history.HandleAsync(type, id, cancellationToken);
        if (!summary.Succeeded || !changes.Succeeded)
        {
            return Content("");
        }

        var names = new Dictionary<(RecordType, int), string?>();
        foreach (var (linkType, linkId) in changes.Value!.SelectMany(c => c.Fields)
            .Where(f => !f.Omitted && HistoryText.LinkFields.ContainsKey(f.Field))
            .SelectMany(f => new[] { f.Before, f.After }.Where(v => v.ValueKind == System.Text.Json.JsonValueKind.Number).Select(v => (HistoryText.LinkFields[f.Field], v.GetInt32())))
            .Distinct())
        {
            var linked = await summaries.HandleAsync(linkType, linkId, cancellationToken);
            names[(linkType, linkId)] = linked.Succeeded ? linked.Value!.Title : null;
        }

        HistoryField Field(FieldChange change, ChangeAction action)
        {
            Func<int, string?>? name = HistoryText.LinkFields.TryGetValue(change.Field, out var linkType) ? id => names.GetValueOrDefault((linkType, id)) : null;
            return change.Omitted
                ? new HistoryField(HistoryText.Label(change.Field), null, "", Omitted: true)
                : new HistoryField(
                    HistoryText.Label(change.Field),
                    action == ChangeAction.Created ? null : HistoryText.Value(change.Before, name),
                    HistoryText.Value(change.After, name),
                    Omitted: false);
        }

        var items = changes.Value!.Select(c => new HistoryItem(c.Action, c.Revision, c.At, c.Actor, c.Fields.Select(f => Field(f, c.Action)).ToList())).ToList();
        return View(new HistoryView(type, summary.Value!.Revision, items));
    }
}
