using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace HelpPortal.Tests.Catalogue;

/// <summary>
/// Catalogue pages come from ASP.NET Core's output cache: a page sent again has the bytes and headers of its first
/// rendering, is logged like any request, and takes nothing from the request that first rendered it.
/// </summary>
public sealed class CataloguePageCacheTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Theory]
    [InlineData("/en/")]
    [InlineData("/lv/articles/aizmirsta-parole")]
    [InlineData("/en/topics/eu-login-account")]
    public async Task A_page_sent_again_from_the_cache_has_the_same_bytes_and_headers_and_is_logged_each_time(string path)
    {
        var client = _portal.CreatePlainClient();

        var rendered = await client.GetAsync(path);
        var cached = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Null(rendered.Headers.Age);
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(await rendered.Content.ReadAsByteArrayAsync(), await cached.Content.ReadAsByteArrayAsync());
        Assert.Equal(HeadersOf(rendered), HeadersOf(cached));
        Assert.Contains("Content-Security-Policy", HeadersOf(cached).Keys);

        var requestLines = _portal.Logs.Events.Where(e => e.Level == LogEventLevel.Information
            && e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)
            && e.Properties["RequestPath"].ToString() == $"\"{path}\"").ToList();
        Assert.Equal(2, requestLines.Count);
    }

    [Fact]
    public async Task A_page_cached_from_an_http_request_is_not_sent_to_an_https_one_so_hsts_goes_only_over_https()
    {
        var http = _portal.CreatePlainClient("http://help.example");
        var https = _portal.CreatePlainClient("https://help.example");

        var plain = await http.GetAsync("/en/");
        var secure = await https.GetAsync("/en/");
        var secureAgain = await https.GetAsync("/en/");
        var plainAgain = await http.GetAsync("/en/");

        Assert.Null(secure.Headers.Age);
        Assert.NotNull(secureAgain.Headers.Age);
        Assert.NotNull(plainAgain.Headers.Age);
        Assert.Contains("Strict-Transport-Security", HeadersOf(secureAgain).Keys);
        Assert.DoesNotContain("Strict-Transport-Security", HeadersOf(plainAgain).Keys);
        Assert.Equal(HeadersOf(secure), HeadersOf(secureAgain));
        Assert.Equal(HeadersOf(plain), HeadersOf(plainAgain));
    }

    [Fact]
    public async Task A_page_first_rendered_for_a_closing_connection_keeps_later_visitors_connections_open()
    {
        var server = _portal.StartOnKestrel();
        const string path = "/en/articles/forgotten-password";

        var closing = await RawHttp.SendAsync(server, $"GET {path} HTTP/1.1\nHost: {server.Authority}\nConnection: close\n");
        var later = await RawHttp.SendAsync(server, $"GET {path} HTTP/1.1\nHost: {server.Authority}\nConnection: close\n");
        using var client = new HttpClient { BaseAddress = server };
        var keepAlive = await client.GetAsync(path);

        Assert.Equal(200, closing.StatusCode);
        Assert.Equal("close", closing.Headers["Connection"]);
        Assert.Equal(200, later.StatusCode);
        Assert.True(later.Headers.ContainsKey("Age"), "the second request should be answered from the cache");
        Assert.NotNull(keepAlive.Headers.Age);
        Assert.NotEqual(true, keepAlive.Headers.ConnectionClose);
    }

    [Fact]
    public async Task A_head_request_for_a_catalogue_page_gets_the_pages_headers_and_no_body()
    {
        using var client = new HttpClient { BaseAddress = _portal.StartOnKestrel() };
        var get = await client.GetAsync("/en/articles/forgotten-password");

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/en/articles/forgotten-password"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/en/search?q=password")]
    [InlineData("/en/survey")]
    [InlineData("/healthz")]
    [InlineData("/en/admin")]
    [InlineData("/en/no-such-page")]
    [InlineData("/")]
    public async Task Pages_other_than_the_catalogues_are_never_served_from_the_cache(string path)
    {
        var client = _portal.CreatePlainClient();

        await client.GetAsync(path);
        var again = await client.GetAsync(path);

        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public void No_cached_endpoint_has_a_rate_limit_or_an_authorization_policy_which_a_cache_hit_would_skip()
    {
        // The output cache answers right after routing (Program.cs), ahead of the rate limiter and authorization.
        var cached = _portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<OutputCacheAttribute>() is not null)
            .ToList();

        Assert.NotEmpty(cached);
        Assert.All(cached, e =>
        {
            Assert.Null(e.Metadata.GetMetadata<EnableRateLimitingAttribute>());
            Assert.Empty(e.Metadata.GetOrderedMetadata<IAuthorizeData>());
        });
    }

    /// <summary>
    /// Every header, content headers included, but those that belong to one response: its date and age, and its framing
    /// (a page is first sent chunked as it renders, then with its length).
    /// </summary>
    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
        => response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Age" or "Content-Length" or "Transfer-Encoding"))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    public void Dispose() => _portal.Dispose();
}
