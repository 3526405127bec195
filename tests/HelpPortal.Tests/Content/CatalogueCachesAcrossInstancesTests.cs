using System.Diagnostics;
using System.Net;
using HelpPortal.Tests.Survey;

namespace HelpPortal.Tests.Content;

/// <summary>
/// Every cache of catalogue state follows an import made by another process: two portals on one database and one
/// content folder, the first importing, the second serving. On PostgreSQL they are two instances behind a load balancer;
/// on SQLite the first stands for <c>content import</c> run by a deployment beside the running portal. Each cache is
/// filled on the second portal before the import, and must show the change within five seconds (ADR 0004).
/// </summary>
public abstract class CatalogueCachesAcrossInstancesTests : IDisposable
{
    public sealed class OnSqlite() : CatalogueCachesAcrossInstancesTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : CatalogueCachesAcrossInstancesTests(TestDatabase.Postgres), IRunsOnPostgres;

    private const string EnglishPassword = "en/signing-in/forgotten-password.md";
    private const string PasswordPage = "/en/articles/forgotten-password";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);
    private readonly TestContent _content = new();
    private readonly PortalFactory _first;
    private readonly PortalFactory _second;

    protected CatalogueCachesAcrossInstancesTests(TestDatabase database)
    {
        _first = new PortalFactory { Database = database, ContentFolder = _content.Folder };
        _second = database == TestDatabase.Postgres
            ? new PortalFactory { Database = database, ContentFolder = _content.Folder, SharedDatabaseOf = _first }
            : new PortalFactory { ContentFolder = _content.Folder, Settings = { ["ConnectionStrings:Portal"] = $"Data Source={_first.DatabasePath}" } };
    }

    [DatabaseTheory]
    [InlineData("importer")]
    [InlineData("content import command")]
    public async Task An_article_changed_by_another_process_replaces_the_cached_page(string importedBy)
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

        Assert.True(
            await ServedWithinAsync(other, PasswordPage, page => page.Contains("<h1>Renamed. ", StringComparison.Ordinal)),
            "The other portal still served the old page 10 seconds after the import.");
    }

    [DatabaseFact]
    public async Task A_topic_renamed_in_topics_yml_alone_replaces_the_cached_topic_page()
    {
        _ = _first.Services;
        var other = _second.CreateClient();
        Assert.DoesNotContain("Signing in, renamed", await other.GetStringAsync("/en/topics/signing-in"), StringComparison.Ordinal);
        _content.Write("topics.yml", _content.Read("topics.yml").Replace("    name: Signing in\n", "    name: Signing in, renamed\n", StringComparison.Ordinal));

        var report = await _first.ImportAsync();

        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Removed)); // topics.yml counts as one updated file

        Assert.True(
            await ServedWithinAsync(other, "/en/topics/signing-in", page => page.Contains("Signing in, renamed", StringComparison.Ordinal)),
            "The other portal still served the old topic page 10 seconds after the import.");
    }

    [DatabaseFact]
    public async Task A_word_imported_by_another_process_is_known_to_the_typo_correction()
    {
        _ = _first.Services;
        var other = _second.CreateClient();
        Assert.DoesNotContain("/en/articles/zebrafish", await other.GetStringAsync("/en/search?q=zebrafsh+"), StringComparison.Ordinal); // vocabulary read
        _content.WriteArticle("en/eu-login-account/zebrafish.md", "The zebrafish is not a sign-in method.",
            ("key", "zebrafish"), ("title", "Can I sign in with a zebrafish?"), ("topic", "eu-login-account"), ("order", "91"));

        Assert.Equal(1, (await _first.ImportAsync()).Added);

        Assert.True(
            await ServedWithinAsync(other, "/en/search?q=zebrafsh+", page => page.Contains("/en/articles/zebrafish", StringComparison.Ordinal)),
            "The other portal still did not correct the new word 10 seconds after the import.");
    }

    [DatabaseFact]
    public async Task A_topic_imported_by_another_process_is_accepted_by_the_survey()
    {
        _ = _first.Services;
        var form = await SurveyForm.OpenAsync(_second.CreatePlainClient());
        var answers = SurveyCatalogueChangeTests.AnswersWithTopic("new-topic").ToList();
        Assert.Equal(HttpStatusCode.BadRequest, (await form.PostAsync(answers)).StatusCode); // the survey's keys read
        _content.Write("topics.yml", _content.Read("topics.yml") + SurveyCatalogueChangeTests.NewTopic);

        Assert.Equal(1, (await _first.ImportAsync()).Updated); // topics.yml alone

        var clock = Stopwatch.StartNew();
        while ((await form.PostAsync(answers)).StatusCode != HttpStatusCode.SeeOther)
        {
            Assert.True(clock.Elapsed < Within, $"The other portal still refused the new topic {Within.TotalSeconds} seconds after the import.");

            // The survey allows 20 posts per address in 10 minutes: at most 17 more fit in the window at this pace.
            await Task.Delay(600);
        }
    }

    [DatabaseFact]
    public async Task A_page_retitled_by_another_process_is_linked_by_its_new_title_in_the_footer()
    {
        _ = _first.Services;
        var other = _second.CreateClient();
        Assert.Contains(">Cookies<", await other.GetStringAsync("/en/search?q=password"), StringComparison.Ordinal); // the footer's links read
        _content.Write("en/pages/cookies.md", _content.Read("en/pages/cookies.md").Replace("\ntitle: Cookies\n", "\ntitle: Cookies we set\n", StringComparison.Ordinal));

        Assert.Equal(1, (await _first.ImportAsync()).Updated);

        Assert.True(
            await ServedWithinAsync(other, "/en/search?q=password", page => page.Contains(">Cookies we set<", StringComparison.Ordinal)),
            "The other portal's footer still linked the page by its old title 10 seconds after the import.");
    }

    public void Dispose()
    {
        // The second first: the first owns the database they share.
        _second.Dispose();
        _first.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<bool> ServedWithinAsync(HttpClient client, string url, Func<string, bool> isNew)
    {
        var clock = Stopwatch.StartNew();
        while (!isNew(await client.GetStringAsync(url)))
        {
            if (clock.Elapsed > Within)
            {
                return false;
            }

            // Search allows 60 requests per address a minute: at most 40 more fit in the window at this pace.
            await Task.Delay(250);
        }

        return true;
    }
}
