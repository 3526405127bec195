using System.Net;
using AngleSharp.Dom;

namespace HelpPortal.Tests.Search;

/// <summary>Typo correction and synonyms against the real content, typed the way people mistype.</summary>
public abstract class TypoToleranceTests(PortalFactory factory)
{
    public sealed class OnSqlite(PortalFactory factory) : TypoToleranceTests(factory), IClassFixture<PortalFactory>;

    public sealed class OnPostgres(PostgresPortalFactory factory) : TypoToleranceTests(factory), IClassFixture<PostgresPortalFactory>, IRunsOnPostgres;

    [DatabaseTheory]
    [InlineData("en", "pasword", "/en/articles/forgotten-password")]
    [InlineData("en", "passwrod", "/en/articles/forgotten-password")]
    [InlineData("en", "paasword", "/en/articles/forgotten-password")]
    [InlineData("en", "forgoten pasword ", "/en/articles/forgotten-password")]
    [InlineData("en", "autentication", "/en/articles/why-is-two-factor-authentication-enabled")]
    [InlineData("lv", "autentifkacija", "/lv/articles/kapec-ieviesta-divfaktoru-autentifikacija")]
    [InlineData("lv", "autentifikcaija", "/lv/articles/kapec-ieviesta-divfaktoru-autentifikacija")]
    [InlineData("lv", "paroel", "/lv/articles/aizmirsta-parole")]
    [InlineData("lv", "aizmirsu parolli ", "/lv/articles/aizmirsta-parole")]
    public async Task A_missing_doubled_swapped_or_wrong_letter_still_finds_the_answer_in_its_language(string culture, string query, string expected)
    {
        var (results, page) = await SearchAsync(culture, query);

        Assert.Contains(expected, results);
        Assert.All(results, url => Assert.StartsWith($"/{culture}/", url, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector(".search-correction"));
    }

    [DatabaseTheory]
    [InlineData("en", "pim")]
    [InlineData("en", "emai")]
    public async Task Words_under_four_letters_are_not_corrected_and_longer_ones_are(string culture, string query)
    {
        var (results, page) = await SearchAsync(culture, query + " ");

        if (query.Length < 4)
        {
            Assert.Empty(results);
            Assert.Null(page.QuerySelector(".search-correction"));
        }
        else
        {
            Assert.NotEmpty(results);
            Assert.NotNull(page.QuerySelector(".search-correction"));
        }
    }

    [DatabaseFact]
    public async Task A_word_the_index_holds_is_never_corrected()
    {
        var (results, page) = await SearchAsync("en", "password");

        Assert.NotEmpty(results);
        Assert.Null(page.QuerySelector(".search-correction"));
    }

    [DatabaseFact]
    public async Task A_word_still_being_typed_is_not_corrected_while_it_begins_a_term()
    {
        var (results, page) = await SearchAsync("en", "passw");

        Assert.Contains("/en/articles/forgotten-password", results);
        Assert.Null(page.QuerySelector(".search-correction"));
    }

    [DatabaseTheory]
    [InlineData("en", "pasword", "Showing results for password. Search instead for pasword")]
    [InlineData("lv", "autentifkacija", "Rādīti rezultāti meklējumam autentifikācija. Meklēt tieši autentifkacija")]
    public async Task The_page_says_what_it_searched_for_and_offers_the_query_as_typed(string culture, string query, string expected)
    {
        var (_, page) = await SearchAsync(culture, query);

        var notice = page.QuerySelector(".search-correction")!;
        Assert.Equal(expected, notice.TextContent);
        Assert.Equal(query, notice.QuerySelector("a em")!.TextContent);
        Assert.Equal($"/{culture}/search?q={query}&exact=1", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(notice.QuerySelector("strong"));
    }

    [DatabaseFact]
    public async Task The_notice_encodes_what_was_typed()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/en/search?q=" + Uri.EscapeDataString("<b>pasword</b> "));

        var notice = page.QuerySelector(".search-correction")!;
        Assert.Empty(notice.QuerySelectorAll("b"));
        Assert.Contains("&lt;b&gt;password&lt;/b&gt;", notice.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("<b>pasword</b>", notice.QuerySelector("a em")!.TextContent);
    }

    [DatabaseFact]
    public async Task Searching_exactly_as_typed_corrects_nothing()
    {
        var (results, page) = await SearchAsync("en", "pasword", "&exact=1");

        Assert.Empty(results);
        Assert.Null(page.QuerySelector(".search-correction"));
    }

    [DatabaseTheory]
    [InlineData("en", "cellphone", "/en/articles/two-factor-authentication-without-a-smartphone")]
    [InlineData("en", "log in", null)]
    [InlineData("lv", "telefons", "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna")]
    [InlineData("lv", "aplikācija", null)]
    public async Task A_word_of_a_synonyms_group_finds_the_articles_that_use_another_word_of_it(string culture, string query, string? expected)
    {
        var (results, page) = await SearchAsync(culture, query + " ");

        Assert.NotEmpty(results);
        if (expected is not null)
        {
            Assert.Contains(expected, results);
        }

        Assert.Null(page.QuerySelector(".search-correction"));
    }

    private async Task<(List<string> Results, IDocument Page)> SearchAsync(string culture, string query, string extra = "")
    {
        var (response, page) = await factory.CreateClient().GetPageAsync($"/{culture}/search?q={Uri.EscapeDataString(query)}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ([.. page.QuerySelectorAll(".search-results:not(.other-language .search-results) .search-result h3 a").Select(a => a.GetAttribute("href")!)], page);
    }
}
