using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Accounts.ApiTokens;
using PartnershipTracker.Web.Infrastructure;
using PartnershipTracker.Web.Infrastructure.Authentication;

namespace PartnershipTracker.Web.Pages.Account;

/// <summary>
/// <c>/account/tokens</c>: the signed-in user's API tokens (for <c>Authorization: Bearer</c> on the API). Create one
/// (shown once, on the page that answers the create; only its SHA-256 is kept) and revoke one. Any signed-in user
/// manages their own tokens; an admin revokes others' with <c>ptrack token revoke</c>.
/// </summary>
public sealed class TokensModel(ListApiTokens list, CreateApiToken create, RevokeApiToken revoke) : PageModel
{
    public IReadOnlyList<ApiTokenRow> Tokens { get; private set; } = [];

    /// <summary>The token just created: shown on this one response and never again.</summary>
    public CreatedApiToken? Created { get; private set; }

    /// <summary>The token just revoked, for the confirmation line.</summary>
    public ApiTokenRow? Revoked { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await create.HandleAsync(User.Identity!.Name!, Name, User.Identity.Name!, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (result.Succeeded)
        {
            Created = result.Value;
            Name = null;
        }
        else
        {
            Error = result.Failure!.Message;
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var result = await revoke.HandleAsync(
            User.Identity!.Name!, id.ToString(System.Globalization.CultureInfo.InvariantCulture), User.Identity.Name!, Domain.Role.Viewer,
            HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (!result.Succeeded)
        {
            return this.Failed(result.Failure!);
        }

        Revoked = result.Value;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        // No cache: the page may carry a token just created.
        Response.Headers.CacheControl = "no-store";
        var tokens = await list.HandleAsync(User.Identity!.Name!, cancellationToken);
        if (!tokens.Succeeded)
        {
            return this.Failed(tokens.Failure!);
        }

        Tokens = tokens.Value!;
        return Page();
    }
}
