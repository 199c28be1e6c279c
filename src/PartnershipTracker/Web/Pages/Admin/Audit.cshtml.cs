using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Audit;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Pages.Admin;

/// <summary>One changed field of a record change as the audit page shows it (JSON values as text; "—" for null).</summary>
public sealed record AuditFieldView(string Name, string Before, string After);

/// <summary>
/// <c>/admin/audit</c>: the audit log, newest first, 100 entries a page, filtered by <c>since</c> and <c>until</c>
/// (UTC dates; until inclusive), <c>event</c> (a name or its first part: "record") and <c>actor</c>; "Older entries"
/// pages on. Record changes show each field's value before and after. Keeps to the reader's marking
/// (<see cref="ListAuditEntries"/>). Admins only: the Admin folder's policy, and 403 for any other role here too.
/// </summary>
public sealed class AuditModel(ListAuditEntries handler, ChangeActor actor) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "since")]
    public string? Since { get; set; }

    [BindProperty(SupportsGet = true, Name = "until")]
    public string? Until { get; set; }

    [BindProperty(SupportsGet = true, Name = "event")]
    public string? Event { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public long? Before { get; set; }

    public AuditPage? Entries { get; private set; }

    /// <summary>Why the filters were not used (a bad date).</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (actor.Role < Role.Admin)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!TryDate(Since, "since", out var since) || !TryDate(Until, "until", out var until))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await handler.HandleAsync(new AuditQuery(since, until?.AddDays(1), Event, Actor, Before, PageSize), cancellationToken);
        if (!result.Succeeded)
        {
            Message = result.Failure!.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Entries = result.Value;
        return Page();
    }

    /// <summary>The changed fields of a record change (<c>{"Field":{"before":…,"after":…}}</c>); empty for other entries.</summary>
    public IReadOnlyList<AuditFieldView> Fields(AuditRow entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.Event.StartsWith("record.", StringComparison.Ordinal))
        {
            return [];
        }

        using var json = JsonDocument.Parse(entry.Details);
        return json.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("before", out _))
            .Select(p => new AuditFieldView(p.Name, Text(p.Value.GetProperty("before")), Text(p.Value.GetProperty("after"))))
            .ToList();
    }

    /// <summary>This page's filters with the cursor of the next, older page.</summary>
    public string OlderLink(long before)
    {
        var query = new Dictionary<string, string?> { ["since"] = Since, ["until"] = Until, ["event"] = Event, ["actor"] = Actor, ["before"] = before.ToString(CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "—",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    private bool TryDate(string? text, string name, out DateTimeOffset? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            date = parsed;
            return true;
        }

        Message = $"{name} must be a date as yyyy-MM-dd (not '{text}')";
        return false;
    }
}
