using System.Net;

namespace HelpPortal.Tests.Infrastructure;

/// <summary>
/// On a real socket the test client is 127.0.0.1, configured as the trusted proxy: the address it appends last is the
/// client's, whatever the client wrote before it.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private readonly PortalFactory _factory = new()
    {
        Settings =
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["RateLimiting:SurveyPermitLimit"] = "2",
        },
    };

    private readonly HttpClient _client;

    public ForwardedHeadersTests() => _client = new HttpClient { BaseAddress = _factory.StartOnKestrel() };

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Spoofed_forwarded_addresses_that_a_trusted_proxy_appended_to_still_hit_the_limit()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            statuses.Add(await PostSurveyFromAsync($"198.51.100.{i}, 203.0.113.7"));
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Another_client_behind_the_same_proxy_keeps_its_own_limit()
    {
        await PostSurveyFromAsync("203.0.113.20");
        await PostSurveyFromAsync("203.0.113.20");
        var limited = await PostSurveyFromAsync("203.0.113.20");

        var other = await PostSurveyFromAsync("203.0.113.21");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.Equal(HttpStatusCode.BadRequest, other);
    }

    [Fact]
    public async Task A_malformed_trusted_proxy_setting_stops_the_portal_with_a_clear_message()
    {
        using var factory = new PortalFactory { Settings = { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownNetworks", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>An empty survey POST: refused as 400, but only after the rate limiter has counted it.</summary>
    private async Task<HttpStatusCode> PostSurveyFromAsync(string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/en/survey");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await _client.SendAsync(request)).StatusCode;
    }
}
