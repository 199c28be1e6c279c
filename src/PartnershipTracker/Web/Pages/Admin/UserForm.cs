using PartnershipTracker.Core.Common;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Pages.Admin;

/// <summary>
/// The fields of a user form on /admin/users and /admin/users/{id} (role, clearance, nationality, organisation), the
/// choices the selects offer, and the field messages of a refused save keyed by the API's camelCase field names.
/// </summary>
public sealed class UserForm
{
    /// <summary>Role names in order of rights: Viewer, Contributor, Reviewer, Admin.</summary>
    public static IReadOnlyList<string> Roles { get; } = Enum.GetNames<Role>();

    /// <summary>Clearance labels from PUBLIC to NATO SECRET, as <see cref="Markings.Label"/> writes them.</summary>
    public static IReadOnlyList<string> Clearances { get; } = [.. Enum.GetValues<Classification>().Select(Markings.Label)];

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Clearance { get; set; }

    public string? Nationality { get; set; }

    public string? Organisation { get; set; }

    /// <summary>Messages per field of the last refused save (name, role, clearance, nationality, organisation, password).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The first message for <paramref name="field"/>, or null.</summary>
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) && messages.Length > 0 ? messages[0] : null;

    /// <summary>Keeps the failure's field messages; a failure that names no field is put under <paramref name="fallbackField"/>.</summary>
    public void Refused(Failure failure, string fallbackField)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Errors = failure.Fields is { Count: > 0 } fields ? fields : new Dictionary<string, string[]> { [fallbackField] = [failure.Message] };
    }
}
