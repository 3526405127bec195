using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Survey;

public abstract class SurveyPromptTests(TestDatabase database) : IDisposable
{
    private readonly PortalFactory _factory = new() { Database = database };

    public sealed class OnSqlite() : SurveyPromptTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : SurveyPromptTests(TestDatabase.Postgres), IRunsOnPostgres;

    [DatabaseTheory]
    [InlineData("/lv/articles/aizmirsta-parole", "Vai jums ir laiks īsai aptaujai?", "/lv/survey?from=forgotten-password")]
    [InlineData("/en/articles/forgotten-password", "Have time for a quick survey?", "/en/survey?from=forgotten-password")]
    public async Task Article_pages_offer_the_survey_in_their_language(string url, string title, string surveyUrl)
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync(url);

        var prompt = page.QuerySelector("section.survey-prompt")!;
        Assert.Equal(title, prompt.QuerySelector("h2")!.TextContent);
        Assert.Contains("3", prompt.TextContent, StringComparison.Ordinal);
        Assert.Equal(surveyUrl, prompt.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("survey-prompt-title", prompt.GetAttribute("aria-labelledby"));
    }

    [DatabaseTheory]
    [InlineData("/en/articles/forgotten-password")]
    [InlineData("/lv/articles/aizmirsta-parole")]
    public async Task On_an_article_page_the_prompt_comes_after_was_this_helpful(string url)
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync(url);

        var order = page.QuerySelectorAll("section.feedback, section.survey-prompt").Select(s => s.ClassList.Contains("feedback") ? "vote" : "prompt");
        Assert.Equal(["vote", "prompt"], order);
    }

    [DatabaseFact]
    public async Task The_page_after_a_vote_without_javascript_offers_the_survey()
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync("/en/feedback/thanks?article=forgotten-password");

        Assert.Equal("/en/survey?from=forgotten-password", page.QuerySelector("section.survey-prompt a")!.GetAttribute("href"));
    }

    [DatabaseTheory]
    [InlineData("/en/", HttpStatusCode.OK)]
    [InlineData("/lv/", HttpStatusCode.OK)]
    [InlineData("/lv/topics/eu-login-konts", HttpStatusCode.OK)]
    [InlineData("/en/search?q=password", HttpStatusCode.OK)]
    [InlineData("/en/articles/no-such-article", HttpStatusCode.NotFound)]
    [InlineData("/lv/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/en/test-failure", HttpStatusCode.InternalServerError)]
    [InlineData("/en/survey", HttpStatusCode.OK)]
    [InlineData("/lv/survey?from=forgotten-password", HttpStatusCode.OK)]
    [InlineData("/en/survey/thanks", HttpStatusCode.OK)]
    [InlineData("/en/admin/login", HttpStatusCode.OK)]
    [InlineData("/lv/admin/login", HttpStatusCode.OK)]
    public async Task Pages_other_than_articles_do_not_show_the_prompt(string url, HttpStatusCode status)
    {
        var (response, page) = await _factory.CreatePlainClient("https://localhost").GetPageAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Null(page.QuerySelector("section.survey-prompt"));
    }

    [DatabaseFact]
    public async Task Not_now_hides_the_prompt_for_thirty_days_and_returns_to_the_page()
    {
        var client = _factory.CreatePlainClient();

        var response = await client.PostAsync("/lv/survey/dismiss", new FormUrlEncodedContent([new("returnUrl", "/lv/articles/aizmirsta-parole")]));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/lv/articles/aizmirsta-parole", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hp_survey=dismissed", StringComparison.Ordinal));
        Assert.Contains("max-age=2592000", cookie, StringComparison.OrdinalIgnoreCase);
        var (_, page) = await client.GetPageAsync("/lv/articles/aizmirsta-parole");
        Assert.Null(page.QuerySelector("section.survey-prompt"));
    }

    [DatabaseFact]
    public async Task After_a_submission_the_prompt_is_not_shown_again()
    {
        var client = _factory.CreatePlainClient();
        var form = await SurveyForm.OpenAsync(client, "/en/survey?from=forgotten-password");

        await form.PostValidAsync();

        var (_, page) = await client.GetPageAsync("/en/articles/forgotten-password");
        Assert.Null(page.QuerySelector("section.survey-prompt"));
    }

    [DatabaseFact]
    public async Task A_cross_site_not_now_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/en/survey/dismiss")
        {
            Content = new FormUrlEncodedContent([new("returnUrl", "/en/")]),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await _factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [DatabaseTheory]
    [InlineData(null)]
    [InlineData("hp_survey=dismissed")]
    [InlineData("hp_survey=completed")]
    public async Task Article_pages_still_come_from_the_output_cache_whatever_the_prompt_state(string? cookie)
    {
        var client = _factory.CreateClient();
        async Task<string> GetAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/en/articles/forgotten-password");
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var response = await client.SendAsync(request);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            return await response.Content.ReadAsStringAsync();
        }

        var first = await GetAsync();

        // Change the stored answer behind the cache's back: a page from the cache does not see it.
        await _factory.WithDbAsync(db => db.ArticleTranslations.Where(t => t.Slug == "forgotten-password")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Html, "<p>CHANGED BEHIND THE CACHE</p>")));
        var second = await GetAsync();

        Assert.Equal(first, second);
        Assert.Equal(cookie is null, first.Contains("survey-prompt", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
