using System.Diagnostics;
using System.Net;
using HelpPortal.Web.Content;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpPortal.Tests.Content;

/// <summary>
/// Two instances of the portal on one PostgreSQL database and one content folder, as behind a load balancer: a second
/// instance imports nothing the first already did, and imports run by both at once write the catalogue once. That an
/// import by either reaches every cache of the other is <see cref="CatalogueCachesAcrossInstancesTests"/>.
/// </summary>
public sealed class CatalogueAcrossInstancesTests : IRunsOnPostgres, IDisposable
{
    private const string EnglishPassword = "en/signing-in/forgotten-password.md";
    private const string PasswordPage = "/en/articles/forgotten-password";
    private readonly TestContent _content = new();
    private readonly PortalFactory _first;
    private readonly PortalFactory _second;

    public CatalogueAcrossInstancesTests()
    {
        _first = new PortalFactory { Database = TestDatabase.Postgres, ContentFolder = _content.Folder };
        _second = new PortalFactory { Database = TestDatabase.Postgres, ContentFolder = _content.Folder, SharedDatabaseOf = _first };
    }

    [DatabaseFact]
    public async Task A_second_instance_starting_on_the_content_the_first_imported_imports_nothing_and_serves_it()
    {
        _ = _first.Services;
        var runs = await _first.WithDbAsync(db => db.ContentImports.CountAsync());

        var page = await _second.CreateClient().GetAsync(PasswordPage);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(runs, await _first.WithDbAsync(db => db.ContentImports.CountAsync()));
        Assert.Contains(_second.Logs.MessagesAtOrAbove(Serilog.Events.LogEventLevel.Information), m => m.Contains("nothing to import", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Two_instances_importing_the_same_change_at_once_write_it_once_and_the_second_finds_everything_unchanged()
    {
        _ = _first.Services;
        _ = _second.Services;
        _content.WriteArticle("en/set-up-2fa/new-question.md", "A new answer.", ("key", "new-question"), ("title", "A new question?"), ("topic", "set-up-2fa"), ("order", "3"));
        _content.Write(EnglishPassword, _content.Read(EnglishPassword).Replace("\ntitle: ", "\ntitle: Renamed. ", StringComparison.Ordinal));

        // The test holds the import's lock until both imports wait for it: both have read the files and begun their
        // transactions, so neither is simply done before the other starts.
        await using var holder = new NpgsqlConnection(_first.ConnectionString);
        await holder.OpenAsync();
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({ContentImporter.ImportLock})");
        Task<ImportReport>[] imports = [_first.ImportAsync(), _second.ImportAsync()];
        await WaitForImportsWaitingAsync(holder, 2);
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({ContentImporter.ImportLock})");
        var reports = await Task.WhenAll(imports);

        Assert.All(reports, r => Assert.True(r.Applied));
        Assert.Single(reports, r => (r.Added, r.Updated, r.Unchanged, r.Removed) == (1, 1, 55, 0));
        Assert.Single(reports, r => (r.Added, r.Updated, r.Unchanged, r.Removed) == (0, 0, 57, 0));
        var (articles, keys, translations, indexed) = await _first.WithDbAsync(async db => (
            await db.Articles.CountAsync(),
            await db.Articles.Select(a => a.Key).Distinct().CountAsync(),
            await db.ArticleTranslations.CountAsync(),
            await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "SearchDocuments" """).SingleAsync()));
        Assert.Equal((26, 26, 51, 51), (articles, keys, translations, indexed));
    }

    public void Dispose()
    {
        // The second first: the first drops the database they share.
        _second.Dispose();
        _first.Dispose();
        _content.Dispose();
    }

    private static async Task WaitForImportsWaitingAsync(NpgsqlConnection connection, int count)
    {
        const string waiting = "SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(connection, waiting) < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Fewer than {count} imports came to wait for the import lock.");
            await Task.Delay(50);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
