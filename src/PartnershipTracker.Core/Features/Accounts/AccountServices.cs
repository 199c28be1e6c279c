using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Core.Features.Accounts.Mfa;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>Registers the account handlers (scoped, like every handler).</summary>
public static class AccountServices
{
    public static IServiceCollection AddPtrackAccounts(this IServiceCollection services)
    {
        services.AddScoped<AddUser>();
        services.AddScoped<ListUsers>();
        services.AddScoped<SetRole>();
        services.AddScoped<UpdateUser>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<DisableUser>();
        services.AddScoped<EnableUser>();
        services.AddScoped<CreateFirstAdmin>();
        services.AddPtrackMfa();
        return services;
    }
}
