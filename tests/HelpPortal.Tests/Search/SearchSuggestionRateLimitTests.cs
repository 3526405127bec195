using System.Globalization;
using System.Net;

namespace HelpPortal.Tests.Search;

public sealed class SearchSuggestionRateLimitTests
{
    [Fact]
    public async Task Suggestions_past_their_own_limit_get_429_with_retry_after()
    {
        using var factory = new PortalFactory { Settings = { ["RateLimiting:SuggestionsPermitLimit"] = "3", ["RateLimiting:SuggestionsWindow"] = "00:01:00" } };
        var client = factory.CreatePlainClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync("/en/search/suggest?q=pass" + i)).StatusCode);
        }

        var refused = await client.GetAsync("/en/search/suggest?q=passw");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Typing_suggestions_does_not_use_up_the_searches_limit()
    {
        using var factory = new PortalFactory { Settings = { ["RateLimiting:SearchPermitLimit"] = "2" } };
        var client = factory.CreatePlainClient();

        var suggestions = new List<HttpStatusCode>();
        foreach (var typed in new[] { "pa", "pas", "pass", "passw", "passwo" })
        {
            suggestions.Add((await client.GetAsync("/en/search/suggest?q=" + typed)).StatusCode);
        }

        var search = await client.GetAsync("/en/search?q=password");

        Assert.All(suggestions, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

}
