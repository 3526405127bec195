using System.Diagnostics;
using System.Net;
using HelpPortal.Tests.Survey;
using HelpPortal.Web.Content;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelpPortal.Tests.Content;

/// <summary>
/// Two instances of the portal on one PostgreSQL database and one content folder, as behind a load balancer: an import
/// run by either reaches the pages the other serves, and imports run by both at once write the catalogue once.
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

    [DatabaseTheory]
    [InlineData("importer")]
    [InlineData("content import command")]
    public async Task A_change_imported_by_one_instance_is_served_by_the_other_within_five_seconds(string importedBy)
    {
        _ = _first.Services;
        var other = _second.CreateClient();
        Assert.DoesNotContain("Renamed.", await other.GetStringAsync(PasswordPage), StringComparison.Ordinal); // now in its cache
        _content.Write(EnglishPassword, _content.Read(EnglishPassword).Replace("\ntitle: ", "\ntitle: Renamed. ", StringComparison.Ordinal));

        if (importedBy == "importer")
        {
            Assert.Equal(1, (await _first.ImportAsync()).Updated);
        }
        else
        {
            Assert.Contains("0 added, 1 updated", (await _first.RunCommandAsync(null, "content", "import")).Output, StringComparison.Ordinal);
        }

        var served = await ServedWithinAsync(other, PasswordPage, page => page.Contains("<h1>Renamed. ", StringComparison.Ordinal), TimeSpan.FromSeconds(5));

        Assert.True(served, "The other instance still served the old page 5 seconds after the import.");
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
    public async Task A_word_imported_by_one_instance_is_known_to_the_typo_correction_of_the_other_within_five_seconds()
    {
        _ = _first.Services;
        var other = _second.CreateClient();
        Assert.DoesNotContain("/en/articles/zebrafish", await other.GetStringAsync("/en/search?q=zebrafsh+"), StringComparison.Ordinal); // vocabulary read
        _content.WriteArticle("en/eu-login-account/zebrafish.md", "The zebrafish is not a sign-in method.",
            ("key", "zebrafish"), ("title", "Can I sign in with a zebrafish?"), ("topic", "eu-login-account"), ("order", "91"));

        Assert.Equal(1, (await _first.ImportAsync()).Added);

        var found = await ServedWithinAsync(other, "/en/search?q=zebrafsh+", page => page.Contains("/en/articles/zebrafish", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.True(found, "The other instance still did not correct the new word 5 seconds after the import.");
    }

    [DatabaseFact]
    public async Task A_topic_imported_by_one_instance_is_accepted_by_the_survey_of_the_other_within_five_seconds()
    {
        _ = _first.Services;
        var form = await SurveyForm.OpenAsync(_second.CreatePlainClient());
        var answers = SurveyCatalogueChangeTests.AnswersWithTopic("new-topic").ToList();
        Assert.Equal(HttpStatusCode.BadRequest, (await form.PostAsync(answers)).StatusCode);
        _content.Write("topics.yml", _content.Read("topics.yml") + SurveyCatalogueChangeTests.NewTopic);

        Assert.True((await _first.ImportAsync()).Applied);

        var clock = Stopwatch.StartNew();
        while ((await form.PostAsync(answers)).StatusCode != HttpStatusCode.SeeOther)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "The other instance still refused the new topic 5 seconds after the import.");
            await Task.Delay(100);
        }
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

    private static async Task<bool> ServedWithinAsync(HttpClient client, string url, Func<string, bool> isNew, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!isNew(await client.GetStringAsync(url)))
        {
            if (clock.Elapsed > within)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
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
