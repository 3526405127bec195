using System.Net;

namespace HelpPortal.Tests.Catalogue;

/// <summary>The real content plus one English article without a Latvian translation (tests/…/Fixtures/untranslated).</summary>
public abstract class UntranslatedArticleTests
{
    public sealed class OnSqlite(Fixture fixture) : UntranslatedArticleTests(fixture), IClassFixture<Fixture>;

    public sealed class OnPostgres(PostgresFixture fixture) : UntranslatedArticleTests(fixture), IClassFixture<PostgresFixture>, IRunsOnPostgres;

    private const string EnglishUrl = "/en/articles/fixture-english-only";
    private const string FallbackUrl = "/lv/articles/fixture-english-only";
    private readonly PortalFactory _factory;

    protected UntranslatedArticleTests(Fixture fixture) => _factory = fixture.Factory;

    [DatabaseFact]
    public async Task Switching_language_on_an_untranslated_article_shows_the_original_with_a_notice()
    {
        var client = _factory.CreatePlainClient();
        var (_, english) = await client.GetPageAsync(EnglishUrl);
        var switched = await client.GetAsync(english.SwitcherHref("lv"));
        Assert.Equal(FallbackUrl, switched.Headers.Location?.OriginalString);

        var (response, page) = await client.GetPageAsync(FallbackUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("lv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Šis raksts vēl nav pieejams latviešu valodā. Tālāk tas ir parādīts angļu valodā.", page.QuerySelector("[role=note]")!.TextContent.Trim());
        Assert.Equal("en", page.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Contains("This answer exists only in English.", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sākums", page.QuerySelector(".breadcrumbs li a")!.TextContent);
    }

    [DatabaseFact]
    public async Task The_fallback_page_points_search_engines_to_the_original()
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync(FallbackUrl);

        Assert.Equal("http://localhost" + EnglishUrl, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("link[hreflang=lv]"));
    }

    [DatabaseFact]
    public async Task An_untranslated_article_advertises_only_the_language_it_exists_in()
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync(EnglishUrl);

        var hreflangs = page.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("hreflang")).ToList();
        Assert.Equal(["en", "x-default"], hreflangs);
        Assert.Null(page.QuerySelector("[role=note]"));
    }

    [DatabaseFact]
    public async Task Switching_back_from_the_fallback_page_returns_to_the_original()
    {
        var client = _factory.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(FallbackUrl);

        var switched = await client.GetAsync(page.SwitcherHref("en"));

        Assert.Equal(EnglishUrl, switched.Headers.Location?.OriginalString);
    }

    [DatabaseFact]
    public async Task The_latvian_topic_page_lists_the_untranslated_question_marked_as_english()
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync("/lv/topics/eu-login-konts");

        var item = page.QuerySelectorAll(".question").Single(q => q.QuerySelector("a")!.GetAttribute("href") == FallbackUrl);
        Assert.Equal("en", item.QuerySelector("a")!.GetAttribute("lang"));
        Assert.Equal("angļu valodā", item.QuerySelector(".tag")!.TextContent);
    }

    public class Fixture : IDisposable
    {
        private readonly TestContent _content = new();

        public Fixture()
            : this(TestDatabase.Sqlite)
        {
        }

        protected Fixture(TestDatabase database)
        {
            var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "untranslated");
            foreach (var file in Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories))
            {
                _content.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
            }

            Factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
        }

        public PortalFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            _content.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    public sealed class PostgresFixture() : Fixture(TestDatabase.Postgres);
}
