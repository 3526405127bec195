using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Search;

public sealed class SearchRateLimitTests
{
    [Fact]
    public async Task Searches_past_the_limit_get_429_with_the_localized_error_page_and_count_no_miss()
    {
        using var factory = new PortalFactory { Settings = { ["RateLimiting:SearchPermitLimit"] = "3", ["RateLimiting:SearchWindow"] = "00:01:00" } };
        var client = factory.CreatePlainClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync("/lv/search?q=zzqx" + i)).StatusCode);
        }

        var refused = await client.GetAsync("/lv/search?q=zzqy");
        var page = await Html.ParseAsync(refused);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("Pārāk daudz mēģinājumu", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(3, await factory.WithDbAsync(db => db.SearchMisses.CountAsync()));
    }

    [Fact]
    public async Task By_default_sixty_searches_from_one_client_are_all_answered()
    {
        using var factory = new PortalFactory();
        var client = factory.CreatePlainClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            statuses.Add((await client.GetAsync($"/en/search?q=password&page={(i % 3) + 1}")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
