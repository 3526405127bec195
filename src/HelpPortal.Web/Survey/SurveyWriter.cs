using System.Threading.Channels;
using HelpPortal.Web.Data;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Survey;

/// <summary>
/// The one writer of survey answers. Requests queue their answer and wait; the writer commits whatever has queued in
/// one transaction (group commit) and only then releases the requests. SQLite allows one writer at a time, and with
/// synchronous=FULL every commit waits for the disk: one commit per request would make concurrent visitors queue on
/// the database lock, a commit per batch keeps up with bursts. No visitor ever sees "database is locked".
/// </summary>
public sealed partial class SurveyWriter(IServiceScopeFactory scopes, IOptions<SurveyOptions> options, ILogger<SurveyWriter> logger)
    : BackgroundService
{
    private readonly Channel<PendingAnswer> _queue = Channel.CreateBounded<PendingAnswer>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Completes when the answer is committed to disk; throws if it could not be stored.</summary>
    public async Task SaveAsync(SurveyResponse response, CancellationToken cancellationToken)
    {
        var pending = new PendingAnswer(response, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);

        // Not cancelled with the request: once queued, the answer is written, and the visitor's 303 follows the commit.
        await pending.Committed.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Drain what is queued before the host stops, so no accepted answer is lost at shutdown. Nothing new arrives
        // meanwhile: WebApplicationBuilder registers the server (GenericWebHostService) after every other hosted
        // service and the host stops them in reverse order, so Kestrel has stopped accepting and finished its requests
        // (each waiting for its answer's commit, which this writer, still running, makes) before this is called.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingAnswer>(options.Value.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < options.Value.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<PendingAnswer> batch)
    {
        try
        {
            await SaveAsync([.. batch.Select(p => p.Response)]);
            batch.ForEach(p => p.Committed.TrySetResult());
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogBatchFailed(logger, batch.Count, ex);
        }
        catch (Exception ex)
        {
            batch[0].Committed.TrySetException(ex);
            return;
        }

        // One bad answer must not cost the others theirs: retry one by one.
        foreach (var pending in batch)
        {
            try
            {
                await SaveAsync([pending.Response]);
                pending.Committed.TrySetResult();
            }
            catch (Exception ex)
            {
                pending.Committed.TrySetException(ex);
            }
        }
    }

    private async Task SaveAsync(IReadOnlyList<SurveyResponse> responses)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.SurveyResponses.AddRange(responses);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(LogLevel.Warning, "Committing {Count} survey answers together failed; retrying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record PendingAnswer(SurveyResponse Response, TaskCompletionSource Committed);
}
