using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// Collects every field message of one input, so that a person sees all their mistakes at once. Field names are
/// the camelCase names of the API JSON (<c>name</c>, <c>areaId</c>, <c>publishedOn</c>). The readers below
/// return the parsed value, or null (and add a message) when the text is not acceptable.
/// </summary>
public sealed class FieldErrors
{
    /// <summary>Longest name or title: 500 characters.</summary>
    public const int TitleLength = 500;

    /// <summary>Longest free text (description, impact, expected outcome, URL): 4,000 characters.</summary>
    public const int TextLength = 4000;

    /// <summary>Longest short label (status label, lead institution, issued by, owner, publisher, confidence): 200 characters.</summary>
    public const int LabelLength = 200;

    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public bool Any => _fields.Count > 0;

    public void Add(string field, string message)
    {
        if (!_fields.TryGetValue(field, out var messages))
        {
            _fields[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>
    /// One Invalid failure holding every message, e.g. "the initiative is not valid: name is required; status
    /// must be one of ...".
    /// </summary>
    public Failure ToFailure(string noun) =>
        new(FailureKind.Invalid,
            $"the {noun} is not valid: {string.Join("; ", _fields.SelectMany(f => f.Value))}",
            _fields.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal));

    /// <summary>Trimmed text, null when empty; "FIELD is required" when <paramref name="required"/> and empty, "FIELD is longer than N characters (M)" when too long.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required)
            {
                Add(field, $"{field} is required");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"{field} is longer than {maxLength} characters ({text.Length})");
            return null;
        }

        return text;
    }

    /// <summary>An enum value by name, case-insensitive; numbers are not names. The message lists the allowed names.</summary>
    public TEnum? Enum<TEnum>(string field, string? value, bool required = false)
        where TEnum : struct, Enum
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Add(field, $"{field} is required; one of {AllowedNames<TEnum>()}");
            }

            return null;
        }

        if (!char.IsDigit(text[0]) && text[0] != '-' && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed)
            && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Add(field, $"{field} must be one of {AllowedNames<TEnum>()} (not '{Shorten(text)}')");
        return null;
    }

    /// <summary>A partial date as ISO text: <c>2023</c>, <c>2023-05</c> or <c>2023-05-17</c>.</summary>
    public PartialDate? Date(string field, string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (PartialDate.TryParseIso(text, out var date))
        {
            return date;
        }

        Add(field, $"{field} must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not '{Shorten(text)}')");
        return null;
    }

    /// <summary>An absolute http or https URL.</summary>
    public string? Url(string field, string? value)
    {
        var text = Text(field, value, TextLength);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return text;
        }

        Add(field, $"{field} must be an absolute http or https URL (not '{Shorten(text)}')");
        return null;
    }

    /// <summary>The id of a live area of the programme, or null for none (cross-cutting).</summary>
    public async Task<int?> AreaAsync(PtrackDbContext db, string field, int? areaId, int programmeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (areaId is null)
        {
            return null;
        }

        if (await db.Areas.AnyAsync(a => a.Id == areaId && a.ProgrammeId == programmeId, cancellationToken))
        {
            return areaId;
        }

        Add(field, $"{field}: area {areaId} does not exist in this programme");
        return null;
    }

    /// <summary>The id of a live initiative of the programme, or null for none.</summary>
    public async Task<int?> InitiativeAsync(PtrackDbContext db, string field, int? initiativeId, int programmeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (initiativeId is null)
        {
            return null;
        }

        if (await db.Initiatives.AnyAsync(i => i.Id == initiativeId && i.ProgrammeId == programmeId, cancellationToken))
        {
            return initiativeId;
        }

        Add(field, $"{field}: initiative {initiativeId} does not exist in this programme");
        return null;
    }

    /// <summary>"Planned, Launched, Ongoing, ...": the names a field of <typeparamref name="TEnum"/> accepts.</summary>
    public static string AllowedNames<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", System.Enum.GetNames<TEnum>());

    /// <summary>The start of a long value, for a message that quotes it.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
