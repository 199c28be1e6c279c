using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>Readies the database (migrations, example programme on an empty database) before the server takes requests.</summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Start-up works on the whole database; web requests see only what their reader may.
        scope.ServiceProvider.GetRequiredService<Core.Security.RecordAccess>().SeeAll();
        await scope.ServiceProvider.GetRequiredService<DatabaseBootstrap>().EnsureReadyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
