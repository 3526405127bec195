
namespace HelpPortal.Tests.Infrastructure;

public sealed class PublicOriginTests
{
    [Fact]
    public async Task With_a_public_origin_every_absolute_url_uses_it_whatever_the_host_header()
    {
        using var factory = new PortalFactory { Settings = { ["Portal:PublicOrigin"] = "https://help.example.eu" } };
        var client = factory.CreatePlainClient("http://attacker.example");

        var (_, page) = await client.GetPageAsync("/en/articles/forgotten-password");
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        var robots = await client.GetStringAsync("/robots.txt");

        Assert.Equal("https://help.example.eu/en/articles/forgotten-password", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("link[rel=alternate]"), l => Assert.StartsWith("https://help.example.eu/", l.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("<loc>https://help.example.eu/en/</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", sitemap, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://help.example.eu/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_public_origin_a_page_cached_for_one_host_is_served_to_any_host()
    {
        using var factory = new PortalFactory { Settings = { ["Portal:PublicOrigin"] = "https://help.example.eu" } };

        await factory.CreatePlainClient("http://one.example").GetAsync("/en/");
        var other = await factory.CreatePlainClient("http://two.example").GetAsync("/en/");

        Assert.True(other.Headers.Age.HasValue, "The second host should be served the cached page.");
    }

    [Fact]
    public async Task Without_a_public_origin_absolute_urls_follow_the_request()
    {
        using var factory = new PortalFactory();

        var (_, page) = await factory.CreatePlainClient("http://localhost:5000").GetPageAsync("/en/");

        Assert.Equal("http://localhost:5000/en/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("help.example.eu")]
    [InlineData("ftp://help.example.eu")]
    [InlineData("https://help.example.eu/portal")]
    [InlineData("https://help.example.eu/?x=1")]
    public void A_public_origin_that_is_not_an_origin_stops_the_portal_with_a_clear_message(string origin)
    {
        using var factory = new PortalFactory { Settings = { ["Portal:PublicOrigin"] = origin } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Portal:PublicOrigin", error.ToString(), StringComparison.Ordinal);
    }
}
