using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnershipTracker.Core.Data.History;

namespace PartnershipTracker.Core.Data;

/// <summary>Registers the data layer in DI.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PtrackDbContext"/> (scoped) on the provider <paramref name="options"/> names,
    /// <see cref="DatabaseInitializer"/>, the scoped <see cref="Security.RecordAccess"/> (unrestricted unless the front end registered its own first), the scoped <see cref="ChangeActor"/> (also as <see cref="IChangeActor"/>) that
    /// front ends name, and <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered. The composition root passes the providers it ships, e.g.
    /// <c>services.AddPtrackDatabase(options, SqliteDatabaseProvider.Instance)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The configured provider is not among <paramref name="providers"/>, or it needs a connection string and
    /// none is set. This is a start-up configuration error; the message names the setting.
    /// </exception>
    public static IServiceCollection AddPtrackDatabase(
        this IServiceCollection services,
        DatabaseOptions options,
        params IReadOnlyList<IDatabaseProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(providers);

        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, options.Provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"{DatabaseOptions.SectionName}:Provider is '{options.Provider}'; known providers: {string.Join(", ", providers.Select(p => p.Name))}.");
        var connectionString = options.ConnectionString ?? provider.DefaultConnectionString
            ?? throw new InvalidOperationException(
                $"{DatabaseOptions.SectionName}:ConnectionString is required for the provider '{provider.Name}'.");

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ChangeActor>();
        services.TryAddScoped<IChangeActor>(sp => sp.GetRequiredService<ChangeActor>());

        // Front ends that do not say otherwise (the CLI) see every record; the web registers its own, seeing nothing until it knows the reader.
        services.TryAddScoped(_ => Security.RecordAccess.Unrestricted());
        services.AddDbContext<PtrackDbContext>(builder => provider.Configure(builder, connectionString));
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
