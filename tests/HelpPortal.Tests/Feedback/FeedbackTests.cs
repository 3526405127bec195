using System.Net;
using HelpPortal.Web.Feedback;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Feedback;

public abstract class FeedbackTests(TestDatabase database) : IDisposable
{
    public sealed class OnSqlite() : FeedbackTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : FeedbackTests(TestDatabase.Postgres), IRunsOnPostgres;

    private readonly PortalFactory _factory = new() { Database = database, Settings = { ["RateLimiting:FeedbackPermitLimit"] = "5" } };

    [DatabaseFact]
    public async Task Every_article_asks_was_this_helpful_in_its_language()
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync("/lv/articles/aizmirsta-parole");

        var form = page.QuerySelector("form[data-feedback]")!;
        Assert.Equal("Vai šī informācija bija noderīga?", form.QuerySelector("h2")!.TextContent);
        Assert.Equal("/lv/feedback", form.GetAttribute("action"));
        Assert.Equal("forgotten-password", form.QuerySelector("input[name=article]")!.GetAttribute("value"));
        Assert.Equal(["Jā", "Nē"], form.QuerySelectorAll("button").Select(b => b.TextContent));
        Assert.Null(page.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [DatabaseFact]
    public async Task A_vote_without_javascript_leads_to_a_thank_you_page_that_asks_why_after_no()
    {
        var response = await VoteAsync(_factory.CreatePlainClient(), "no");
        var thanks = await _factory.CreatePlainClient().GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/en/feedback/thanks?article=forgotten-password&ask=reason", response.Headers.Location?.OriginalString);
        Assert.Equal(4, thanks.Document.QuerySelectorAll("form[data-feedback-reason] input[type=radio]").Length);
    }

    [DatabaseFact]
    public async Task One_browser_has_one_vote_per_article_and_a_later_vote_replaces_it()
    {
        var browser = _factory.CreatePlainClient();

        await VoteAsync(browser, "yes");
        await VoteAsync(browser, "no");
        await VoteAsync(browser, "no", "outdated");
        await VoteAsync(_factory.CreatePlainClient(), "yes");

        var votes = await Votes();
        Assert.Equal(2, votes.Count);
        Assert.Single(votes, v => !v.Helpful && v.Reason == "outdated");
        Assert.Single(votes, v => v.Helpful && v.Reason is null);
        Assert.All(votes, v => Assert.Matches("^[0-9a-f]{64}$", v.VoterHash));
    }

    [DatabaseFact]
    public async Task A_vote_by_script_gets_json_and_no_redirect()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/lv/feedback") { Content = Form("no") };
        request.Headers.Add("Accept", "application/json");

        var response = await _factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"askReason\":true", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [InlineData("maybe", null)]
    [InlineData("yes", "outdated")]
    [InlineData("no", "boring")]
    public async Task An_invalid_vote_is_refused_and_nothing_stored(string helpful, string? reason)
    {
        var response = await VoteAsync(_factory.CreatePlainClient(), helpful, reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Votes());
    }

    [DatabaseFact]
    public async Task A_vote_for_an_unknown_article_is_refused()
    {
        var response = await _factory.CreatePlainClient().PostAsync("/en/feedback", new FormUrlEncodedContent([new("article", "nope"), new("helpful", "yes")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [DatabaseFact]
    public async Task A_cross_site_vote_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/en/feedback") { Content = Form("no") };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await _factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Votes());
    }

    [DatabaseFact]
    public async Task Votes_are_rate_limited_per_client()
    {
        var client = _factory.CreatePlainClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await VoteAsync(client, "yes")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses[..5], s => Assert.Equal(HttpStatusCode.SeeOther, s));
    }

    [DatabaseFact]
    public async Task The_article_page_is_still_served_from_the_cache_after_votes()
    {
        var client = _factory.CreateClient();
        var before = await client.GetStringAsync("/en/articles/forgotten-password");

        await VoteAsync(client, "no", "unclear");
        await _factory.WithDbAsync(db => db.ArticleTranslations.Where(t => t.Slug == "forgotten-password")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Html, "<p>CHANGED BEHIND THE CACHE</p>")));
        var after = await client.GetStringAsync("/en/articles/forgotten-password");

        Assert.Equal(before, after);
        Assert.Single(await Votes());
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private static FormUrlEncodedContent Form(string helpful, string? reason = null)
        => new([new("article", "forgotten-password"), new("helpful", helpful), .. reason is null ? Array.Empty<KeyValuePair<string, string>>() : [new("reason", reason)]]);

    private static Task<HttpResponseMessage> VoteAsync(HttpClient client, string helpful, string? reason = null)
        => client.PostAsync("/en/feedback", Form(helpful, reason));

    private Task<List<ArticleVote>> Votes() => _factory.WithDbAsync(db => db.ArticleVotes.AsNoTracking().ToListAsync());
}
