using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Examples;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Data.Sqlite;

namespace PartnershipTracker.Infrastructure;

/// <summary>The services every front end (CLI verbs, pages, API) shares: data, handlers, reports.</summary>
public static class PtrackServices
{
    public static IServiceCollection AddPtrack(this IServiceCollection services, PtrackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddPtrackDatabase(settings.Database, SqliteDatabaseProvider.Instance);
        services.AddSingleton(settings.Examples);
        services.AddSingleton(new IngestSettings(settings.Ingest, settings.Mapping));
        services.AddScoped<DatabaseBootstrap>();
        services.AddScoped<ExampleProgramme>();
        services.AddScoped<ProgrammeLookup>();
        services.AddScoped<IngestDocument>();
        services.AddScoped<GetProgrammeOverview>();
        return services;
    }
}
