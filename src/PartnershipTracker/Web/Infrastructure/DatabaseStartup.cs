using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Accounts;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>
/// Readies the database (migrations, example programme on an empty database) before the server takes requests, and
/// on a database without any user creates the first admin (<see cref="CreateFirstAdmin"/>), printing the name and
/// password once on the console: there is no default password, and the password goes to no log.
/// </summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Start-up works on the whole database; web requests see only what their reader may.
        scope.ServiceProvider.GetRequiredService<Core.Security.RecordAccess>().SeeAll();
        await scope.ServiceProvider.GetRequiredService<DatabaseBootstrap>().EnsureReadyAsync(cancellationToken);
        if (await scope.ServiceProvider.GetRequiredService<CreateFirstAdmin>().HandleAsync(cancellationToken) is { } admin)
        {
            // Straight to the console, not through logging: a log may be kept in a file.
            await Console.Out.WriteLineAsync(FirstAdminNotice(admin));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The lines printed once when the first admin is created.</summary>
    internal static string FirstAdminNotice(FirstAdmin admin) => string.Join(Environment.NewLine,
        "",
        "ptrack: no users yet, so the first admin was created:",
        $"  name:     {admin.Name}",
        $"  password: {admin.Password}",
        "This password will not be shown again. Sign in with it now, or set another with:",
        $"  ptrack user reset-password {admin.Name}",
        "");
}
