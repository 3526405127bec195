
namespace HelpPortal.Tests.Search;

/// <summary>Typo correction on a content folder the test changes: what it ranks first, and that it learns new words.</summary>
public abstract class SearchVocabularyTests : IDisposable
{
    public sealed class OnSqlite() : SearchVocabularyTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : SearchVocabularyTests(TestDatabase.Postgres), IRunsOnPostgres;

    private readonly TestContent _content = new();
    private readonly PortalFactory _factory;

    protected SearchVocabularyTests(TestDatabase database)
        => _factory = new PortalFactory { Database = database, ContentFolder = _content.Folder };

    [DatabaseFact]
    public async Task Articles_matching_a_word_as_typed_rank_above_those_found_through_a_corrected_word()
    {
        // "password" is in titles, which weigh ten times the body: by rank alone they would come first.
        _content.WriteArticle("en/eu-login-account/kettle.md", "Somewhere in this long answer there is a kettle, and nothing else of note.",
            ("key", "kettle"), ("title", "A question about the office"), ("topic", "eu-login-account"), ("order", "90"));
        await _factory.ImportAsync();

        var results = await ResultsAsync("en", "kettle pasword ");

        Assert.Equal("/en/articles/kettle", results[0]);
        Assert.Contains("/en/articles/forgotten-password", results);
    }

    [DatabaseFact]
    public async Task The_vocabulary_learns_a_word_when_an_import_brings_it()
    {
        Assert.Empty(await ResultsAsync("en", "zebrafsh "));

        _content.WriteArticle("en/eu-login-account/zebrafish.md", "The zebrafish is not a sign-in method.",
            ("key", "zebrafish"), ("title", "Can I sign in with a zebrafish?"), ("topic", "eu-login-account"), ("order", "91"));
        await _factory.ImportAsync();

        Assert.Equal(["/en/articles/zebrafish"], await ResultsAsync("en", "zebrafsh "));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<List<string>> ResultsAsync(string culture, string query)
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync($"/{culture}/search?q={Uri.EscapeDataString(query)}");
        return [.. page.QuerySelectorAll(".search-results:not(.other-language .search-results) .search-result h3 a").Select(a => a.GetAttribute("href")!)];
    }
}
