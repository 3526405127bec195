using System.Net;
using HelpPortal.Web.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace HelpPortal.Tests.Catalogue;

/// <summary>
/// Rendered catalogue pages are sent again as they were, ahead of most of the pipeline (decision 0005): the same
/// bytes and headers, still logged, and nothing but catalogue pages kept.
/// </summary>
public sealed class RenderedPagesTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Theory]
    [InlineData("/en/")]
    [InlineData("/lv/articles/aizmirsta-parole")]
    [InlineData("/en/topics/eu-login-account")]
    public async Task A_page_sent_again_has_the_same_bytes_and_headers_and_is_logged_each_time_like_any_request(string path)
    {
        var client = _portal.CreatePlainClient();

        var rendered = await client.GetAsync(path);
        var kept = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Null(rendered.Headers.Age);
        Assert.NotNull(kept.Headers.Age);
        Assert.Equal(await rendered.Content.ReadAsByteArrayAsync(), await kept.Content.ReadAsByteArrayAsync());
        Assert.Equal(HeadersOf(rendered), HeadersOf(kept));
        Assert.Contains("Content-Security-Policy", HeadersOf(kept).Keys);

        var requestLines = _portal.Logs.Events.Where(e => e.Level == LogEventLevel.Information
            && e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)
            && e.Properties["RequestPath"].ToString() == $"\"{path}\"").ToList();
        Assert.Equal(2, requestLines.Count);
        Assert.Equal(requestLines[0].Properties.Keys.Order(), requestLines[1].Properties.Keys.Order());
        foreach (var property in new[] { "RequestMethod", "RequestPath", "StatusCode", "SourceContext" })
        {
            Assert.Equal(requestLines[0].Properties[property].ToString(), requestLines[1].Properties[property].ToString());
        }

        Assert.Equal(requestLines[0].MessageTemplate.Text, requestLines[1].MessageTemplate.Text);
    }

    [Fact]
    public async Task A_page_kept_from_an_http_request_is_not_sent_to_an_https_one_so_hsts_goes_only_over_https()
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

    /// <summary>
    /// Every header, content headers included, but those that belong to one response: its date and age, and its framing
    /// (a page is first sent chunked as it renders, then with its length).
    /// </summary>
    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
        => response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Age" or "Content-Length" or "Transfer-Encoding"))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task A_head_request_for_a_kept_page_gets_its_length_and_no_body()
    {
        var client = _portal.CreatePlainClient();
        var body = await client.GetByteArrayAsync("/en/articles/forgotten-password");

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/en/articles/forgotten-password"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Only_catalogue_pages_are_kept()
    {
        var client = _portal.CreatePlainClient();
        foreach (var path in new[] { "/en/search?q=password", "/en/survey", "/healthz", "/en/admin", "/en/no-such-page", "/" })
        {
            await client.GetAsync(path);
        }

        var pages = _portal.Services.GetRequiredService<RenderedPages>();
        Assert.Equal(0, pages.Count);

        await client.GetAsync("/en/");
        Assert.Equal(1, pages.Count);
    }

    public void Dispose() => _portal.Dispose();
}
