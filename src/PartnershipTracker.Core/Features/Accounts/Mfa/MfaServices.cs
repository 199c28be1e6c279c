using Microsoft.Extensions.DependencyInjection;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>Registers the two-factor sign-in handlers (scoped). Those that read a secret need data protection (the web registers it).</summary>
public static class MfaServices
{
    public static IServiceCollection AddPtrackMfa(this IServiceCollection services)
    {
        services.AddScoped<TotpSecretProtector>();
        services.AddScoped<ShowMfa>();
        services.AddScoped<BeginMfaEnrolment>();
        services.AddScoped<ConfirmMfaEnrolment>();
        services.AddScoped<VerifyMfaSignIn>();
        services.AddScoped<DisableMfa>();
        services.AddScoped<RegenerateRecoveryCodes>();
        services.AddScoped<ResetMfa>();
        return services;
    }
}
