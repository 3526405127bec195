using HelpPortal.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace HelpPortal.Web.Content;

/// <summary>
/// Migrates the database, makes sure a shared key ring has its key, and imports the content before the server accepts its first request. It runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, ahead of Kestrel; a failure stops the start-up.
/// </summary>
internal sealed class CatalogueStartup(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.MigratePortalDatabaseAsync(cancellationToken);
        await db.EnsureSharedKeyAsync(scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
