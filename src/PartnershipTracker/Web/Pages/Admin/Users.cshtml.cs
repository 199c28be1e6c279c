using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Accounts;

namespace PartnershipTracker.Web.Pages.Admin;

/// <summary>
/// <c>/admin/users</c> (admins): every user with role, clearance, nationality, organisation, state (disabled, locked,
/// must change password, two-factor) and last change; a form adds a user with a generated password shown once on the
/// answer (never stored or sent again; the user must change it at first sign-in). A refused add comes back with the
/// messages next to the fields (422; 409 for a name taken). Each user's row links to <c>/admin/users/{id}</c>.
/// </summary>
public sealed class UsersModel(ListUsers list, AddUser add, TimeProvider time) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    /// <summary>When each user was last changed (audit log), by name.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastChanges { get; private set; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>The add form as posted (empty on GET; clearance defaults to PUBLIC, role to viewer).</summary>
    [BindProperty]
    public UserForm Form { get; set; } = new();

    /// <summary>The user just added, with the generated password to show once.</summary>
    public AddedUser? Added { get; private set; }

    /// <summary>The time now, to tell a current lockout from an old one.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var added = await add.HandleAsync(new AddUserRequest(Form.Name, Form.Role, Form.Clearance, Form.Nationality, Form.Organisation), cancellationToken);
        if (added.Succeeded)
        {
            Added = added.Value;
            Form = new UserForm();
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            Form.Refused(added.Failure!, "name");
            Response.StatusCode = added.Failure!.Kind == FailureKind.Invalid ? StatusCodes.Status422UnprocessableEntity : Web.Infrastructure.FailureResults.StatusOf(added.Failure.Kind);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await list.HandleAsync(cancellationToken);
        LastChanges = await list.LastChangesAsync(cancellationToken);
    }
}
