using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using HelpPortal.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Search;

/// <summary>Search against the real content, typed the way people type.</summary>
public abstract class SearchTests(PortalFactory factory)
{
    public sealed class OnSqlite(PortalFactory factory) : SearchTests(factory), IClassFixture<PortalFactory>;

    public sealed class OnPostgres(PostgresPortalFactory factory) : SearchTests(factory), IClassFixture<PostgresPortalFactory>, IRunsOnPostgres;

    [DatabaseTheory]
    [InlineData("lv", "viedtālrunis", "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna")]
    [InlineData("lv", "viedtalrunis", "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna")]
    [InlineData("lv", "VIEDTĀLRUNIS", "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna")]
    [InlineData("lv", "drosibas atslega", "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna")]
    [InlineData("lv", "lejupieladet lietotni", "/lv/articles/kur-lejupieladet-eu-login-lietotni")]
    [InlineData("lv", "apstiprinajuma e-pasta", "/lv/articles/nesanemu-apstiprinajuma-e-pastu")]
    public async Task Diacritics_and_case_are_folded_both_ways(string culture, string query, string expectedFirst)
        => Assert.Equal(expectedFirst, (await ResultsAsync(culture, query))[0]);

    [DatabaseTheory]
    [InlineData("lv", "parole")]
    [InlineData("lv", "paroles")]
    [InlineData("lv", "paroli")]
    [InlineData("lv", "paroļu")]
    [InlineData("lv", "aizmirsu paroli")]
    public async Task Latvian_word_forms_find_the_same_article(string culture, string query)
        => Assert.Equal("/lv/articles/aizmirsta-parole", (await ResultsAsync(culture, query))[0]);

    [DatabaseTheory]
    [InlineData("password")]
    [InlineData("passwords")]
    [InlineData("Password")]
    [InlineData("how do I reset my password")]
    [InlineData("the password")]
    public async Task English_stemming_and_stop_words_find_the_password_answer(string query)
        => Assert.Equal("/en/articles/forgotten-password", (await ResultsAsync("en", query))[0]);

    [DatabaseTheory]
    [InlineData("en", "passw", "/en/articles/forgotten-password")]
    [InlineData("en", "confirmation em", "/en/articles/confirmation-email-not-received")]
    [InlineData("lv", "atiestat", "/lv/articles/aizmirsta-parole")]
    [InlineData("lv", "viedtāl", "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna")]
    public async Task The_last_word_matches_as_a_prefix_while_it_is_typed(string culture, string query, string expected)
        => Assert.Contains(expected, await ResultsAsync(culture, query));

    [DatabaseFact]
    public async Task Results_show_title_topic_and_an_excerpt_with_the_matched_words_marked()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/lv/search?q=paroli");

        var first = page.QuerySelector(".search-result")!;
        Assert.Equal("Pieteikšanās", first.QuerySelector(".search-topic")!.TextContent);
        Assert.NotEmpty(first.QuerySelectorAll(".search-excerpt mark"));
        Assert.All(first.QuerySelectorAll("mark"), mark => Assert.StartsWith("parol", SearchAnalyzer.Fold(mark.TextContent), StringComparison.Ordinal));
    }

    [DatabaseTheory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(parole password, 2)")]
    [InlineData("-")]
    [InlineData(":")]
    [InlineData("title:parole")]
    [InlineData("parole OR")]
    [InlineData("AND")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE SearchIndex; --")]
    [InlineData(")(")]
    [InlineData("!!! ??? ...")]
    [InlineData("^parole")]
    public async Task Hostile_queries_never_fail(string query)
    {
        var response = await factory.CreateClient().GetAsync($"/lv/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.ArticleTranslations.AnyAsync()));
    }

    [DatabaseTheory]
    [InlineData("parole\"")]
    [InlineData("parole*")]
    [InlineData("-parole")]
    [InlineData("parole:")]
    [InlineData("(parole)")]
    [InlineData("NEAR(parole")]
    public async Task Fts_syntax_in_a_query_does_not_change_its_results(string query)
        => Assert.Equal(await ResultsAsync("lv", "parole "), await ResultsAsync("lv", query + " "));

    [DatabaseFact]
    public async Task A_query_of_500_characters_is_handled()
    {
        var response = await factory.CreateClient().GetAsync("/en/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("password ", 56))[..500]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [DatabaseTheory]
    [InlineData("en", "en")]
    [InlineData("lv", "lv")]
    public async Task The_language_code_is_no_search_word_that_every_article_of_the_language_matches(string culture, string query)
    {
        // The index holds each translation's culture in a column of its own; searches look at the text columns only.
        var results = await ResultsAsync(culture, query);

        Assert.True(results.Count < 20, $"'{query}' found {results.Count} {culture} articles: the culture column matched.");
    }

    [DatabaseFact]
    public async Task A_search_with_no_results_here_lists_the_other_languages_results()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/en/search?q=viedt%C4%81lrunis");

        Assert.Matches("^No results in English\\. \\d+ found in Latvian:$", page.QuerySelector("#other-language-heading")!.TextContent.Trim());
        var link = page.QuerySelector(".other-language .search-result a")!;
        Assert.Equal("/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna", link.GetAttribute("href"));
        Assert.Equal("lv", link.Closest("li")!.GetAttribute("lang"));
    }

    [DatabaseFact]
    public async Task A_search_with_no_results_anywhere_suggests_the_topics_and_the_survey()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/lv/search?q=zzzqqq");

        Assert.Equal("Nekas netika atrasts", page.QuerySelector(".no-results .lead")!.TextContent);
        Assert.Equal(8, page.QuerySelectorAll(".no-results .topic-list a").Length);
        Assert.NotNull(page.QuerySelector(".no-results a[href='/lv/survey']"));
    }

    [DatabaseTheory]
    [InlineData("/lv/search?q=parole", "rezultāti meklējumam „parole”")]
    [InlineData("/lv/search?q=zzzqqq", "Meklējot „zzzqqq”, nekas netika atrasts")]
    [InlineData("/en/search?q=zzzqqq", "No results for “zzzqqq”")]
    public async Task The_query_is_quoted_with_the_quotation_marks_of_the_page_language(string url, string expected)
    {
        var (_, page) = await factory.CreateClient().GetPageAsync(url);

        Assert.Contains(expected, page.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [InlineData("/en/search")]
    [InlineData("/lv/search?q=parole")]
    public async Task The_search_page_has_one_search_form_the_header_one_is_left_out(string url)
    {
        var (_, page) = await factory.CreateClient().GetPageAsync(url);

        var form = Assert.Single(page.QuerySelectorAll("form[role=search]"));
        Assert.NotNull(form.QuerySelector("input#search-page-q"));
    }

    [DatabaseFact]
    public async Task Article_pages_have_a_search_box_in_the_header()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/lv/articles/aizmirsta-parole");

        var form = page.QuerySelector("form[role=search]")!;
        Assert.Equal("/lv/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("Meklēt palīdzības centrā", page.QuerySelector("label[for=site-search-q]")!.TextContent);
    }

    [DatabaseFact]
    public async Task Results_are_paged_twenty_at_a_time()
    {
        // "eu" is in every English answer (EU Login, Europass), so on the real content it spans two pages.
        var (_, first) = await factory.CreateClient().GetPageAsync("/en/search?q=eu");
        var firstPage = Results(first);
        var secondPage = await ResultsAsync("en", "eu", page: 2);
        var total = int.Parse(Regex.Match(first.QuerySelector("#results-heading")!.TextContent, @"(\d+) results").Groups[1].Value, CultureInfo.InvariantCulture);

        Assert.InRange(total, 21, 40);
        Assert.Equal(20, firstPage.Count);
        Assert.Equal(total - 20, secondPage.Count);
        Assert.Empty(secondPage.Intersect(firstPage));
    }

    private async Task<List<string>> ResultsAsync(string culture, string query, int page = 1)
    {
        var (response, document) = await factory.CreateClient().GetPageAsync($"/{culture}/search?q={Uri.EscapeDataString(query)}{(page > 1 ? $"&page={page}" : "")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Results(document);
    }

    private static List<string> Results(IDocument page)
        => [.. page.QuerySelectorAll(".search-results:not(.other-language .search-results) .search-result h3 a").Select(a => a.GetAttribute("href")!)];
}
