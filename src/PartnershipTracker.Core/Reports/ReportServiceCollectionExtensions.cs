using Microsoft.Extensions.DependencyInjection;

namespace PartnershipTracker.Core.Reports;

/// <summary>Registers the report services in DI.</summary>
public static class ReportServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ProgrammeReport"/> (singleton; needs a <see cref="TimeProvider"/>) and
    /// <see cref="GetProgrammeReport"/> (scoped, like the DbContext it reads through).
    /// </summary>
    public static IServiceCollection AddPtrackReports(this IServiceCollection services)
    {
        services.AddSingleton<ProgrammeReport>();
        services.AddScoped<GetProgrammeReport>();
        return services;
    }
}
