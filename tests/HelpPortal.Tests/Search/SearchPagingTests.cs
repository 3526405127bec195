
namespace HelpPortal.Tests.Search;

public abstract class SearchPagingTests : IDisposable
{
    public sealed class OnSqlite() : SearchPagingTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : SearchPagingTests(TestDatabase.Postgres), IRunsOnPostgres;

    private readonly TestContent _content = new();
    private readonly PortalFactory _factory;

    protected SearchPagingTests(TestDatabase database)
    {
        for (var i = 0; i < 25; i++)
        {
            _content.WriteArticle($"en/set-up-2fa/paging-{i:00}.md", $"Answer number {i} about the quokka.",
                ("key", $"paging-{i:00}"), ("title", $"Question {i} about a quokka"), ("topic", "set-up-2fa"), ("order", $"{10 + i}"));
        }

        _factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
    }

    [DatabaseFact]
    public async Task Results_come_twenty_to_a_page_with_links_to_the_others()
    {
        var (_, first) = await _factory.CreateClient().GetPageAsync("/en/search?q=quokka");
        var (_, second) = await _factory.CreateClient().GetPageAsync("/en/search?q=quokka&page=2");

        Assert.Equal("25 results for “quokka”", first.QuerySelector("#results-heading")!.TextContent.Trim());
        Assert.Equal(20, first.QuerySelectorAll(".search-result").Length);
        Assert.Equal(5, second.QuerySelectorAll(".search-result").Length);
        Assert.Equal("/en/search?q=quokka&page=2", first.QuerySelector(".pager li:nth-child(2) a")!.GetAttribute("href"));
        var firstPage = first.QuerySelectorAll(".search-result a").Select(a => a.GetAttribute("href"));
        Assert.Empty(second.QuerySelectorAll(".search-result a").Select(a => a.GetAttribute("href")).Intersect(firstPage));
    }

    [DatabaseFact]
    public async Task Title_matches_rank_above_body_matches()
    {
        _content.WriteArticle("en/set-up-2fa/body-only.md", "Quokka quokka quokka, mentioned in the body only.",
            ("key", "body-only"), ("title", "A question about something else"), ("topic", "set-up-2fa"), ("order", "99"));
        await _factory.ImportAsync();

        var (_, page) = await _factory.CreateClient().GetPageAsync("/en/search?q=quokka&page=2");

        Assert.Equal("/en/articles/body-only", page.QuerySelectorAll(".search-result h3 a")[^1].GetAttribute("href"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }
}
