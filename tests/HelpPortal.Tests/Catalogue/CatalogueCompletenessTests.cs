
namespace HelpPortal.Tests.Catalogue;

/// <summary>Walks the real content the way a visitor would: from the home page to every article, and across languages.</summary>
public abstract class CatalogueCompletenessTests(PortalFactory factory)
{
    public sealed class OnSqlite(PortalFactory factory) : CatalogueCompletenessTests(factory), IClassFixture<PortalFactory>;

    public sealed class OnPostgres(PostgresPortalFactory factory) : CatalogueCompletenessTests(factory), IClassFixture<PostgresPortalFactory>, IRunsOnPostgres;

    [DatabaseTheory]
    [InlineData("en")]
    [InlineData("lv")]
    public async Task Every_article_is_reachable_from_the_home_page_in_its_language(string culture)
    {
        var articles = await ArticlesReachableFromHomeAsync(factory.CreateClient(), culture);

        Assert.Equal(25, articles.Count);
        Assert.All(articles, url => Assert.StartsWith($"/{culture}/articles/", url, StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task The_language_switcher_round_trips_on_every_article()
    {
        var client = factory.CreatePlainClient();
        var english = await ArticlesReachableFromHomeAsync(factory.CreateClient(), "en");
        var latvian = new HashSet<string>();

        foreach (var url in english)
        {
            var there = await SwitchAsync(client, url, "lv");
            Assert.StartsWith("/lv/articles/", there, StringComparison.Ordinal);
            var (response, lvPage) = await client.GetPageAsync(there);
            response.EnsureSuccessStatusCode();
            Assert.Null(lvPage.QuerySelector("[role=note]"));
            Assert.Equal(url, await SwitchAsync(client, there, "en"));
            latvian.Add(there);
        }

        Assert.Equal(25, latvian.Count);
    }

    private static async Task<string> SwitchAsync(HttpClient client, string url, string culture)
    {
        var (_, page) = await client.GetPageAsync(url);
        var switched = await client.GetAsync(page.SwitcherHref(culture));
        return switched.Headers.Location!.OriginalString;
    }

    private static async Task<List<string>> ArticlesReachableFromHomeAsync(HttpClient client, string culture)
    {
        var (_, home) = await client.GetPageAsync($"/{culture}/");
        var articles = new List<string>();
        foreach (var topic in home.QuerySelectorAll(".topic-card a").Select(a => a.GetAttribute("href")!))
        {
            var (response, page) = await client.GetPageAsync(topic);
            response.EnsureSuccessStatusCode();
            foreach (var article in page.QuerySelectorAll(".question a").Select(a => a.GetAttribute("href")!))
            {
                (await client.GetAsync(article)).EnsureSuccessStatusCode();
                articles.Add(article);
            }
        }

        return articles.Distinct().ToList();
    }
}
