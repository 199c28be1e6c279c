using Microsoft.AspNetCore.Authorization;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// The authorization policies (issue 5, PRODUCT.md C9): "Viewer", "Contributor", "Reviewer" and "Admin", each met by a
/// signed-in user whose role is at least that one (Viewer &lt; Contributor &lt; Reviewer &lt; Admin), and the fallback
/// policy of every endpoint that names none (see <see cref="FallbackRequirement"/>).
/// </summary>
public static class AccessPolicies
{
    public const string Viewer = nameof(Role.Viewer);

    public const string Contributor = nameof(Role.Contributor);

    public const string Reviewer = nameof(Role.Reviewer);

    public const string Admin = nameof(Role.Admin);

    internal static void Add(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            options.AddPolicy(role.ToString(), policy => policy.RequireAuthenticatedUser().AddRequirements(new RoleAtLeast(role)));
        }

        options.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new FallbackRequirement()).Build();
    }

    /// <summary>Met by a signed-in user whose role is at least <see cref="Role"/>.</summary>
    internal sealed record RoleAtLeast(Role Role) : IAuthorizationRequirement;

    /// <summary>
    /// The rule for everything without a policy of its own: a signed-in user may read (GET, HEAD) and needs
    /// Contributor for any other method (so every record-changing POST, PUT, PATCH and DELETE of pages and API);
    /// someone not signed in may only read, and only when <see cref="SecurityOptions.AllowAnonymousRead"/> is on.
    /// </summary>
    internal sealed class FallbackRequirement : IAuthorizationRequirement;

    internal sealed class RoleAtLeastHandler : AuthorizationHandler<RoleAtLeast>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleAtLeast requirement)
        {
            if (context.User.RoleOf() is { } role && role >= requirement.Role)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    internal sealed class FallbackHandler(SecurityOptions security) : AuthorizationHandler<FallbackRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FallbackRequirement requirement)
        {
            var method = (context.Resource as HttpContext)?.Request.Method ?? HttpMethods.Post;
            var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
            var allowed = context.User.RoleOf() is { } role
                ? reads || role >= Role.Contributor
                : reads && security.AllowAnonymousRead;
            if (allowed)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
