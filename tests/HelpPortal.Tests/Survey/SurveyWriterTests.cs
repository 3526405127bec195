using System.Data.Common;
using System.Threading.Channels;
using HelpPortal.Web.Survey;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Serilog.Events;

namespace HelpPortal.Tests.Survey;

/// <summary>
/// The single survey writer: one answer that cannot be stored costs no other its place, and a shutdown writes every
/// queued answer first. The tests hold the database's write lock from a connection of their own (SQLite's one writer
/// lock, or a lock on PostgreSQL's table), so that answers queue up behind a commit that waits for it.
/// </summary>
public abstract class SurveyWriterTests(TestDatabase database) : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly PortalFactory _factory = new() { Database = database };

    private SurveyWriter Writer => _factory.Services.GetRequiredService<SurveyWriter>();

    [DatabaseFact]
    public async Task When_a_batch_cannot_be_committed_each_answer_is_retried_alone_and_only_the_bad_one_fails()
    {
        var duplicate = StoredResponses.Make(At);
        await _factory.SeedAsync(duplicate);
        var good = Enumerable.Range(1, 3).Select(i => StoredResponses.Make(At.AddMinutes(i))).ToList();

        Task[] saves;
        await using (await HoldWriteLockAsync())
        {
            // The answer already stored, in the middle: whichever way the queue is cut into batches, it shares one.
            saves = [Writer.SaveAsync(good[0], default), Writer.SaveAsync(good[1], default), Writer.SaveAsync(duplicate, default), Writer.SaveAsync(good[2], default)];
        }

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => saves[2]);
        Assert.IsAssignableFrom<DbException>(refused.InnerException);
        await Task.WhenAll(saves[0], saves[1], saves[3]);
        Assert.Equal(
            [duplicate.Id, .. good.Select(r => r.Id)],
            await _factory.WithDbAsync(db => db.SurveyResponses.OrderBy(r => r.SubmittedAt).Select(r => r.Id).ToListAsync()));
        Assert.Contains(_factory.Logs.MessagesAtOrAbove(LogEventLevel.Warning), m => m.EndsWith("survey answers together failed; retrying them one by one", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Answers_still_queued_when_the_host_stops_are_committed_before_it_has_stopped()
    {
        var queued = new List<(SurveyResponse Answer, Task Saved)>();
        Task stopped;
        await using (await HoldWriteLockAsync())
        {
            for (var i = 0; i < 5; i++)
            {
                var answer = StoredResponses.Make(At.AddMinutes(i));
                queued.Add((answer, Writer.SaveAsync(answer, default)));
            }

            stopped = _factory.Services.GetRequiredService<IHost>().StopAsync();

            // Until the writer is told to stop it still takes answers (each one more to drain); then it refuses them.
            // The write lock is let go only then, so the commits happen while the writer is stopping.
            while (!stopped.IsCompleted)
            {
                var answer = StoredResponses.Make(At.AddHours(1).AddMinutes(queued.Count));
                var saved = Writer.SaveAsync(answer, default);
                if (saved.IsFaulted)
                {
                    Assert.IsType<ChannelClosedException>(saved.Exception!.InnerException);
                    break;
                }

                queued.Add((answer, saved));
                await Task.Delay(10);
            }
        }

        await stopped;
        var stored = await StoredIdsAsync();

        Assert.All(queued, q => Assert.True(q.Saved.IsCompletedSuccessfully));
        Assert.Equal(queued.Select(q => q.Answer.Id).Order(), stored.Order());
    }

    [DatabaseFact]
    public void The_server_is_stopped_before_the_survey_writer_so_no_answer_arrives_while_it_drains()
    {
        // The host stops hosted services in the reverse of their order here.
        var hosted = _factory.Services.GetServices<IHostedService>().ToList();

        var server = hosted.FindIndex(s => s.GetType().FullName == "Microsoft.AspNetCore.Hosting.GenericWebHostService");
        Assert.InRange(hosted.IndexOf(Writer), 0, server - 1);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A connection of the test's own to the portal's database, past the portal's services and pool.</summary>
    protected abstract DbConnection ConnectPastThePortal(PortalFactory factory);

    /// <summary>Takes the lock that every insert of a survey answer waits for; it is held until the transaction ends.</summary>
    protected abstract Task<DbTransaction> LockOutWritersAsync(DbConnection connection);

    /// <summary>The stored ids, read past the portal: a stopped host disposes its services.</summary>
    private async Task<List<Guid>> StoredIdsAsync()
    {
        await using var connection = ConnectPastThePortal(_factory);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "SurveyResponses" """;
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Holds the writers' lock on the portal's database until disposed; the portal's writers wait for it.</summary>
    private async Task<WriteLock> HoldWriteLockAsync()
    {
        _ = _factory.Services;
        var connection = ConnectPastThePortal(_factory);
        await connection.OpenAsync();
        return new WriteLock(connection, await LockOutWritersAsync(connection));
    }

    public sealed class OnSqlite() : SurveyWriterTests(TestDatabase.Sqlite)
    {
        protected override DbConnection ConnectPastThePortal(PortalFactory factory)
            => new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");

        /// <summary>SQLite's one write lock on the whole file; the portal's writers wait (busy_timeout).</summary>
        protected override Task<DbTransaction> LockOutWritersAsync(DbConnection connection)
            => Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public sealed class OnPostgres() : SurveyWriterTests(TestDatabase.Postgres), IRunsOnPostgres
    {
        protected override DbConnection ConnectPastThePortal(PortalFactory factory)
            => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Pooling = false }.ConnectionString);

        /// <summary>
        /// PostgreSQL has no lock on the whole database, and inserts of different rows do not wait for each other:
        /// a table lock that conflicts with every insert (but not with reads) holds the portal's writers instead.
        /// </summary>
        protected override async Task<DbTransaction> LockOutWritersAsync(DbConnection connection)
        {
            var transaction = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """LOCK TABLE "SurveyResponses" IN EXCLUSIVE MODE""";
            await command.ExecuteNonQueryAsync();
            return transaction;
        }
    }

    private sealed record WriteLock(DbConnection Connection, DbTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
