using HelpPortal.Web.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Content;

/// <summary>In Development, re-imports the content folder shortly after a file in it changes, so authors see edits without a restart.</summary>
internal sealed partial class ContentWatcher(
    IServiceScopeFactory scopes,
    IOptions<ContentOptions> options,
    PortalPaths paths,
    ILogger<ContentWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = paths.Resolve(options.Value.Path);
        if (!options.Value.WatchForChanges || !Directory.Exists(folder))
        {
            return;
        }

        using var files = new PhysicalFileProvider(folder);
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (ChangeToken.OnChange(() => files.Watch("**/*"), () => changed.TrySetResult()))
            {
                await changed.Task.WaitAsync(stoppingToken);
            }

            // Editors save in several steps (temp file, rename); wait for them to settle before reading.
            await Task.Delay(options.Value.WatchDebounce, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReimportFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Re-importing content after a change failed; the catalogue keeps its previous state")]
    private static partial void LogReimportFailed(ILogger logger, Exception exception);
}
