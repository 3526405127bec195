using System.Net;

namespace HelpPortal.Tests.Infrastructure;

public sealed class HttpMethodTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/en/")]
    [InlineData("/lv/")]
    [InlineData("/en/topics/eu-login-account")]
    [InlineData("/en/articles/forgotten-password")]
    [InlineData("/en/search?q=password")]
    [InlineData("/en/survey")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/en/admin/login")]
    public async Task Head_answers_every_page_like_get(string url)
    {
        var client = factory.CreatePlainClient();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var get = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task A_head_request_does_not_leave_an_empty_page_in_the_cache()
    {
        using var server = new PortalFactory();
        var address = server.StartOnKestrel();
        using var client = new HttpClient { BaseAddress = address };

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/en/articles/forgotten-password"));
        var get = await client.GetAsync("/en/articles/forgotten-password");
        var body = await get.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Contains("</html>", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task The_health_endpoint_answers_only_get_and_head(string method)
    {
        var client = factory.CreatePlainClient();

        var refused = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/healthz"));
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Equal(["GET", "HEAD"], refused.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }
}
