using System.Net;

namespace HelpPortal.Tests.Catalogue;

public sealed class SiteHeaderTests : IDisposable
{
    private readonly PortalFactory _factory = new()
    {
        Settings =
        {
            ["Portal:Organisation:Name:en"] = "Example Agency",
            ["Portal:Organisation:Name:lv"] = "Parauga aģentūra",
            ["Portal:Organisation:LogoPath"] = "favicon.ico",
        },
    };

    [Theory]
    [InlineData("/en/articles/forgotten-password", "Example Agency", "Help centre")]
    [InlineData("/lv/articles/aizmirsta-parole", "Parauga aģentūra", "Palīdzības centrs")]
    public async Task The_header_names_the_organisation_in_the_page_language_above_the_service_name(string url, string organisation, string service)
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync(url);

        Assert.Equal(organisation, page.QuerySelector("header .organisation")!.TextContent.Trim());
        Assert.Equal(service, page.QuerySelector("header .service-name")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_configured_logo_is_shown_beside_the_name_with_an_empty_alt_from_its_fingerprinted_url()
    {
        var client = _factory.CreateClient();
        var (_, page) = await client.GetPageAsync("/en/");

        var logo = page.QuerySelector("header .organisation img")!;

        // The name follows as text: a screen reader hears it once.
        Assert.Equal("", logo.GetAttribute("alt"));
        Assert.Matches(@"^/favicon\.[a-z0-9]{8,}\.ico$", logo.GetAttribute("src"));
        var response = await client.GetAsync(logo.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
