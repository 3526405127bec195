using HelpPortal.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace HelpPortal.Web.Content;

/// <summary>
/// Prepares the catalogue for this start: migrates the database, makes sure a shared key ring has its key, imports the
/// content and takes the change poller's baseline. Program begins it as soon as the app is built, so that it runs
/// beside the rest of the start-up — the pipeline, the endpoints, Kestrel — instead of before it; requests that arrive
/// meanwhile wait for it (<see cref="CatalogueReadiness"/>). The host's start completes only once it has
/// (<see cref="StartedAsync"/>), and a failure still fails the start. Content unchanged since the last import, read by
/// the same build, is not imported again (<see cref="ContentFingerprint"/>).
/// </summary>
internal sealed class CatalogueStartup(
    IServiceScopeFactory scopes,
    CatalogueChangePoller poller,
    CatalogueReadiness readiness,
    IHostApplicationLifetime lifetime) : IHostedLifecycleService
{
    private int _begun;

    /// <summary>Begins the preparation once; later calls do nothing.</summary>
    public void Begin()
    {
        if (Interlocked.Exchange(ref _begun, 1) == 0)
        {
            // Task.Run: the caller goes on with its own start-up work on the other core.
            _ = Task.Run(PrepareAsync);
        }
    }

    private async Task PrepareAsync()
    {
        try
        {
            var cancellationToken = lifetime.ApplicationStopping;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await db.MigratePortalDatabaseAsync(cancellationToken);
                await db.EnsureSharedKeyAsync(scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), cancellationToken);
                await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(skipUnchanged: true, cancellationToken);
            }

            // After the import, before the first page is rendered: see CatalogueChangePoller.TakeBaselineAsync.
            await poller.TakeBaselineAsync(cancellationToken);
            readiness.Open();
        }
        catch (Exception exception)
        {
            readiness.Fail(exception);
        }
    }

    /// <summary>For a host whose Program did not begin it (it always does; this keeps the order safe).</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Begin();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The host has started only once the catalogue is ready; a failed preparation throws here and fails the start.</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => readiness.Ready.WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Completes once this start's catalogue is ready (<see cref="CatalogueStartup"/>), or fails with its error.</summary>
internal sealed class CatalogueReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    internal void Open() => _ready.TrySetResult();

    internal void Fail(Exception exception) => _ready.TrySetException(exception);
}

/// <summary>
/// Holds each request until the catalogue is ready, so that nothing is served, cached or counted from a catalogue
/// this start has not yet migrated and imported; Kestrel already accepts connections meanwhile. Once ready, it is one
/// completed-task check per request. Should the preparation fail, waiting requests get 503 while the host stops.
/// </summary>
internal sealed class CatalogueReadinessMiddleware(RequestDelegate next, CatalogueReadiness readiness)
{
    public Task InvokeAsync(HttpContext context)
        => readiness.Ready.IsCompletedSuccessfully ? next(context) : WaitThenInvokeAsync(context);

    private async Task WaitThenInvokeAsync(HttpContext context)
    {
        try
        {
            await readiness.Ready.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception)
        {
            // The preparation failed: CatalogueStartup fails the host's start, which logs the error and stops it.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        await next(context);
    }
}

public static class CatalogueStartupExtensions
{
    /// <summary>Begins preparing the catalogue now, beside the rest of the start-up.</summary>
    public static void BeginCatalogueStartup(this IApplicationBuilder app)
        => app.ApplicationServices.GetRequiredService<CatalogueStartup>().Begin();

    public static IApplicationBuilder UseCatalogueReadiness(this IApplicationBuilder app)
        => app.UseMiddleware<CatalogueReadinessMiddleware>();
}
