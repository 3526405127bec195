using System.Net;
using HelpPortal.Tests.Infrastructure;
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
    public async Task A_page_sent_again_has_the_same_bytes_and_security_headers_and_is_logged_each_time(string path)
    {
        var client = _portal.CreatePlainClient();

        var rendered = await client.GetAsync(path);
        var kept = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Null(rendered.Headers.Age);
        Assert.NotNull(kept.Headers.Age);
        Assert.Equal(await rendered.Content.ReadAsByteArrayAsync(), await kept.Content.ReadAsByteArrayAsync());
        Assert.Equal(rendered.Content.Headers.ContentType, kept.Content.Headers.ContentType);
        foreach (var header in new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy" })
        {
            Assert.Equal(rendered.Headers.GetValues(header), kept.Headers.GetValues(header));
        }

        var requestLines = _portal.Logs.Events.Count(e => e.Level == LogEventLevel.Information
            && e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal)
            && e.Properties["RequestPath"].ToString() == $"\"{path}\"");
        Assert.Equal(2, requestLines);
    }

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
