using System.Globalization;
using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Content;

/// <summary>
/// Moves <see cref="CatalogueVersion"/> when another process — another instance, or <c>content import</c> run by a
/// deployment — commits an import that changed the catalogue; what follows the version is no concern of it. It polls
/// the id of the latest such import (one small read) every <see cref="ContentOptions.ChangePollInterval"/>; the reasons
/// for polling over LISTEN/NOTIFY are in docs/decisions/0004. It is the only thing in the portal that polls.
/// </summary>
internal sealed partial class CatalogueChangePoller(
    IServiceScopeFactory scopes,
    CatalogueVersion catalogue,
    CatalogueReadiness readiness,
    IOptions<ContentOptions> options,
    TimeProvider time,
    ILogger<CatalogueChangePoller> logger) : BackgroundService
{
    /// <summary>
    /// Reads the baseline after <see cref="CatalogueStartup"/> has migrated and imported, and before the first request
    /// is let through (it is part of <see cref="CatalogueReadiness"/>): the version then stands for the catalogue the
    /// first requests read. Taken later, it would move the version under caches that are already current, and they
    /// would all be read again for nothing.
    /// </summary>
    internal async Task TakeBaselineAsync(CancellationToken cancellationToken)
        => catalogue.MoveTo(await LatestChangeAsync(cancellationToken));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The start-up failed, and fails the host's start with its error: nothing to poll.
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ChangePollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that is briefly unreachable must not stop the polling; the next tick tries again.
                LogPollFailed(logger, ex);
            }
        }
    }

    /// <remarks>
    /// A poll that read the id just before this process's own import committed moves the version back to the id before
    /// it, and the next poll forward again: two needless evictions, never a stale cache.
    /// </remarks>
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestChangeAsync(cancellationToken);
        if (catalogue.MoveTo(latest))
        {
            LogChanged(logger, latest);
        }
    }

    /// <summary>
    /// The id of the latest import that changed the catalogue, or 0 when none has. A plain command: as a LINQ query it
    /// was the first query a start compiled, on the way to readiness (docs/performance.md#cold-start).
    /// </summary>
    private async Task<int> LatestChangeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """SELECT COALESCE(MAX("Id"), 0) FROM "ContentImports" WHERE "Added" + "Updated" + "Removed" > 0""";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    [LoggerMessage(LogLevel.Information, "The catalogue changed (import {ImportId}); what this instance derived from it is read again")]
    private static partial void LogChanged(ILogger logger, int importId);

    [LoggerMessage(LogLevel.Warning, "Checking the catalogue for changes failed; trying again at the next interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
