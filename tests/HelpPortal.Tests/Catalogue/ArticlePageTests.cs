
namespace HelpPortal.Tests.Catalogue;

public abstract class ArticlePageTests(PortalFactory factory)
{
    public sealed class OnSqlite(PortalFactory factory) : ArticlePageTests(factory), IClassFixture<PortalFactory>;

    public sealed class OnPostgres(PostgresPortalFactory factory) : ArticlePageTests(factory), IClassFixture<PostgresPortalFactory>, IRunsOnPostgres;

    [DatabaseFact]
    public async Task An_article_shows_breadcrumbs_to_its_topic_and_home()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/lv/articles/aizmirsta-parole");

        var crumbs = page.QuerySelectorAll(".breadcrumbs li").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Sākums", "Pieteikšanās", page.QuerySelector("h1")!.TextContent.Trim()], crumbs);
        Assert.Equal("/lv/topics/pieteiksanas", page.QuerySelector(".breadcrumbs li:nth-child(2) a")!.GetAttribute("href"));
    }

    [DatabaseFact]
    public async Task An_article_lists_the_other_questions_of_its_topic_in_order()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/en/articles/forgotten-password");

        var questions = page.QuerySelectorAll("aside .question").ToList();
        Assert.Equal(4, questions.Count);
        Assert.Equal("/en/articles/sign-in-with-2fa", questions[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(questions[2].QuerySelector("[aria-current=page]"));
    }

    [DatabaseTheory]
    [InlineData("/en/articles/forgotten-password", "28 November 2026")]
    [InlineData("/lv/articles/aizmirsta-parole", "2026. gada 28. novembris")]
    public async Task The_last_updated_date_is_formatted_for_the_language(string url, string expected)
    {
        var (_, page) = await factory.CreateClient().GetPageAsync(url);

        var time = page.QuerySelector(".last-updated time")!;
        Assert.Equal(expected, time.TextContent);
        Assert.Equal("2026-11-28", time.GetAttribute("datetime"));
    }

    [DatabaseFact]
    public async Task A_translated_article_has_canonical_and_hreflang_links_for_both_languages()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/en/articles/forgotten-password");

        Assert.Equal("http://localhost/en/articles/forgotten-password", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var alternates = page.QuerySelectorAll("link[rel=alternate]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href"));
        Assert.Equal("http://localhost/en/articles/forgotten-password", alternates["en"]);
        Assert.Equal("http://localhost/lv/articles/aizmirsta-parole", alternates["lv"]);
        Assert.Equal("http://localhost/en/articles/forgotten-password", alternates["x-default"]);
    }

    [DatabaseFact]
    public async Task Latvian_letters_are_sent_as_characters_not_html_entities()
    {
        var html = await factory.CreateClient().GetStringAsync("/lv/articles/aizmirsta-parole");

        Assert.Contains("Pāriet uz galveno saturu", html, StringComparison.Ordinal);
        Assert.Contains("Pēdējoreiz atjaunināts", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Links_between_articles_point_to_the_same_languages_url()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/lv/articles/e-pasts-jau-registrets");

        var links = page.QuerySelectorAll(".article-body a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/lv/articles/aizmirsta-parole", links);
    }

    [DatabaseFact]
    public async Task A_topic_page_lists_its_questions_in_order_with_summaries()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/en/topics/signing-in");

        var hrefs = page.QuerySelectorAll(".question a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["/en/articles/sign-in-with-2fa", "/en/articles/already-signing-in-with-eid", "/en/articles/forgotten-password", "/en/articles/forgotten-app-pin-code"],
            hrefs);
        Assert.Equal(4, page.QuerySelectorAll(".question-summary").Length);
    }

    [DatabaseTheory]
    [InlineData("en", "2 questions", "5 questions")]
    [InlineData("lv", "2 jautājumi", "5 jautājumi")]
    public async Task The_home_page_shows_each_topic_with_its_question_count(string culture, string twoQuestions, string fiveQuestions)
    {
        var (_, page) = await factory.CreateClient().GetPageAsync($"/{culture}/");

        var counts = page.QuerySelectorAll(".topic-card .question-count").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(8, counts.Count);
        Assert.Equal(twoQuestions, counts[0]);
        Assert.Equal(fiveQuestions, counts[1]);
    }
}
