using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace HelpPortal.Tests.Catalogue;

public sealed partial class StaticAssetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The budget for a first view: the HTML and every stylesheet and script it links, compressed (issue 12).</summary>
    private const int FirstViewBudget = 15 * 1024;

    /// <summary>Every kind of public page, in both languages.</summary>
    public static TheoryData<string> PublicPages =>
    [
        "/en/", "/lv/",
        "/en/topics/signing-in", "/lv/topics/pieteiksanas",
        "/en/articles/set-up-the-eu-login-app", "/lv/articles/eu-login-lietotnes-iestatisana",
        "/en/search?q=password", "/lv/search?q=parole",
        "/en/survey", "/lv/survey",
        "/en/articles/does-not-exist", "/lv/articles/does-not-exist",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_stylesheet_and_script_a_public_page_links_is_fingerprinted_and_cached_for_a_year(string url)
    {
        var client = factory.CreateClient();
        var (_, page) = await client.GetPageAsync(url);

        var assets = LinkedAssets(page);

        Assert.NotEmpty(assets);
        foreach (var href in assets)
        {
            Assert.Matches(FingerprintedAsset(), href);
            var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href}: {response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
            var cacheControl = string.Join(", ", response.Headers.GetValues("Cache-Control"));
            Assert.Contains("max-age=31536000", cacheControl, StringComparison.Ordinal);
            Assert.Contains("immutable", cacheControl, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_first_view_of_a_public_page_weighs_at_most_15_KB_compressed(string url)
    {
        var client = factory.CreateClient();
        var html = await client.GetAsync(url);
        var page = await Html.ParseAsync(html);

        // The portal leaves the HTML to the reverse proxy (nginx's gzip, at its default level 1); its own files come
        // precompressed (gzip in a build, brotli too once published), and are counted as sent.
        var weights = new List<(string What, long Bytes)> { (url, Gzip(await html.Content.ReadAsByteArrayAsync())) };
        foreach (var href in LinkedAssets(page))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, href);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            var response = await client.SendAsync(request);
            Assert.NotEmpty(response.Content.Headers.ContentEncoding);
            weights.Add((href, (await response.Content.ReadAsByteArrayAsync()).LongLength));
        }

        var total = weights.Sum(w => w.Bytes);
        Assert.True(total <= FirstViewBudget, $"{total} bytes: {string.Join(", ", weights.Select(w => $"{w.What} {w.Bytes}"))}");
    }

    private static List<string> LinkedAssets(IDocument page)
        => [
            .. page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!),
            .. page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!),
        ];

    private static long Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.Length;
    }

    /// <summary>A file under css/ or js/ with the content hash in its name, as MapStaticAssets serves it.</summary>
    [GeneratedRegex(@"^/(css|js)/[a-z-]+\.[a-z0-9]{8,}\.(css|js)$")]
    private static partial Regex FingerprintedAsset();
}
