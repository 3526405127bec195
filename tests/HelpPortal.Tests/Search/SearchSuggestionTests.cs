using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Search;

/// <summary>GET /{culture}/search/suggest: the titles search-suggest.js offers while a visitor types.</summary>
public abstract class SearchSuggestionTests(PortalFactory factory)
{
    public sealed class OnSqlite(PortalFactory factory) : SearchSuggestionTests(factory), IClassFixture<PortalFactory>;

    public sealed class OnPostgres(PostgresPortalFactory factory) : SearchSuggestionTests(factory), IClassFixture<PostgresPortalFactory>, IRunsOnPostgres;

    private sealed record Suggestion(string Title, string Url);

    [DatabaseTheory]
    [InlineData("en", "passw", "/en/articles/forgotten-password")]
    [InlineData("en", "Forgotten passwords", "/en/articles/forgotten-password")]
    [InlineData("lv", "paro", "/lv/articles/aizmirsta-parole")]
    [InlineData("lv", "viedtāl", "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna")]
    [InlineData("lv", "viedtal", "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna")]
    public async Task The_word_being_typed_suggests_the_articles_whose_title_starts_a_word_with_it(string culture, string query, string expected)
    {
        var suggestions = await SuggestAsync(culture, query);

        Assert.Equal(expected, suggestions[0].Url);
    }

    [DatabaseFact]
    public async Task A_suggestion_is_the_article_title_in_the_page_language()
    {
        var suggestions = await SuggestAsync("lv", "aizmirsu paro");

        Assert.Contains(new Suggestion("Aizmirsu savu EU Login paroli. Ko darīt?", "/lv/articles/aizmirsta-parole"), suggestions);
    }

    [DatabaseFact]
    public async Task Articles_whose_title_matches_come_before_those_that_match_only_in_the_answer()
    {
        // "reset" is all over the password answer, but only the PIN article has it in its title.
        var suggestions = await SuggestAsync("en", "reset");

        Assert.Equal("/en/articles/forgotten-app-pin-code", suggestions[0].Url);
        Assert.Contains(suggestions, s => s.Url == "/en/articles/forgotten-password");
    }

    [DatabaseFact]
    public async Task Words_found_only_in_the_answer_still_suggest_its_title()
        => Assert.Equal("/en/articles/forgotten-password", (await SuggestAsync("en", "reset passw"))[0].Url);

    [DatabaseTheory]
    [InlineData("en", "eu")]
    [InlineData("lv", "eu")]
    [InlineData("lv", "kas")]
    public async Task At_most_five_titles_are_suggested(string culture, string query)
        => Assert.Equal(5, (await SuggestAsync(culture, query)).Count);

    [DatabaseTheory]
    [InlineData("en", "eu")]
    [InlineData("lv", "eu")]
    public async Task Only_articles_in_the_page_language_are_suggested(string culture, string query)
        => Assert.All(await SuggestAsync(culture, query), s => Assert.StartsWith($"/{culture}/articles/", s.Url, StringComparison.Ordinal));

    [DatabaseTheory]
    [InlineData("")]
    [InlineData("p")]
    [InlineData("  p  ")]
    [InlineData("the")]
    [InlineData("zzzqqq")]
    public async Task Fewer_than_two_characters_stop_words_and_unknown_words_suggest_nothing(string query)
        => Assert.Empty(await SuggestAsync("en", query));

    [DatabaseFact]
    public async Task Without_a_query_the_answer_is_an_empty_list()
    {
        var response = await factory.CreateClient().GetAsync("/en/search/suggest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    [InlineData("\"")]
    [InlineData("**")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(parole password, 2)")]
    [InlineData("title:parole")]
    [InlineData("title : (parole")]
    [InlineData("parole OR")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE SearchIndex; --")]
    [InlineData(")(")]
    [InlineData("!!! ??? ...")]
    [InlineData("^parole")]
    [InlineData("parole\\")]
    [InlineData("parole:*")]
    [InlineData("a&b|c")]
    public async Task Hostile_input_never_fails(string query)
    {
        var response = await factory.CreateClient().GetAsync($"/lv/search/suggest?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await response.Content.ReadFromJsonAsync<List<Suggestion>>());
        Assert.True(await factory.WithDbAsync(db => db.ArticleTranslations.AnyAsync()));
    }

    [DatabaseTheory]
    [InlineData("\"paro")]
    [InlineData("(paro")]
    [InlineData("*paro")]
    [InlineData("-paro")]
    [InlineData(":paro")]
    public async Task Query_syntax_before_the_word_being_typed_does_not_change_the_suggestions(string query)
        => Assert.Equal(await SuggestAsync("lv", "paro"), await SuggestAsync("lv", query));

    [DatabaseFact]
    public async Task A_query_of_500_characters_is_handled()
    {
        var response = await factory.CreateClient().GetAsync("/en/search/suggest?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("password ", 56))[..500]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [DatabaseFact]
    public async Task Suggestions_are_json_that_browsers_may_keep_for_five_minutes()
    {
        var response = await factory.CreateClient().GetAsync("/en/search/suggest?q=passw");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
    }

    [DatabaseFact]
    public async Task Suggestions_that_find_nothing_are_not_counted_as_search_misses()
    {
        var client = factory.CreateClient();

        await client.GetAsync("/lv/search/suggest?q=zzsuggestnothing");
        await client.GetAsync("/en/search/suggest?q=zzsuggestnothing");

        Assert.False(await factory.WithDbAsync(db => db.SearchMisses.AnyAsync(m => m.Query.Contains("zzsuggestnothing"))));
    }

    [DatabaseTheory]
    [InlineData("/lv/", "/lv/search/suggest", "Ieteikumi", "Pieejams {0} ieteikums", "Pieejami {0} ieteikumi")]
    [InlineData("/en/articles/forgotten-password", "/en/search/suggest", "Suggestions", "{0} suggestion available", "{0} suggestions available")]
    public async Task Pages_load_the_suggestion_script_deferred_with_its_words_in_the_page_language(string url, string endpoint, string label, string one, string other)
    {
        var (_, page) = await factory.CreateClient().GetPageAsync(url);

        var script = page.QuerySelector("script[data-url]")!;
        Assert.Matches("^/js/search-suggest\\.[a-z0-9]+\\.js$", script.GetAttribute("src"));
        Assert.True(script.HasAttribute("defer"));
        Assert.Equal((endpoint, label, one, other), (script.GetAttribute("data-url"), script.GetAttribute("data-label"), script.GetAttribute("data-count-one"), script.GetAttribute("data-count-other")));
        Assert.Null(page.QuerySelector("[role=combobox], [role=listbox]"));
    }

    private async Task<List<Suggestion>> SuggestAsync(string culture, string query)
    {
        var response = await factory.CreateClient().GetAsync($"/{culture}/search/suggest?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<Suggestion>>())!;
    }
}
