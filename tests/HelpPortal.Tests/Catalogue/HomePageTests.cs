
namespace HelpPortal.Tests.Catalogue;

/// <summary>The home page leads with search and the questions content authors chose as popular (topics.yml).</summary>
public sealed class HomePageTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Theory]
    [InlineData("en", "What do you need help with?", "Search")]
    [InlineData("lv", "Ar ko jums vajadzīga palīdzība?", "Meklēt")]
    public async Task The_home_page_leads_with_a_large_search_form_in_its_language(string culture, string label, string button)
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync($"/{culture}/");

        var form = Assert.Single(page.QuerySelectorAll("form[role=search]"));
        Assert.Equal($"/{culture}/search", form.GetAttribute("action"));
        Assert.Equal(label, form.QuerySelector("label[for=home-search-q]")!.TextContent);
        Assert.Equal("q", form.QuerySelector("input#home-search-q")!.GetAttribute("name"));
        Assert.Equal(button, form.QuerySelector("button")!.TextContent);
        Assert.Same(form, page.QuerySelector("main form"));
    }

    [Theory]
    [InlineData("en", "Popular questions", new[]
    {
        "/en/articles/confirmation-email-not-received", "/en/articles/set-up-the-eu-login-app", "/en/articles/qr-code-reported-invalid",
        "/en/articles/two-factor-authentication-without-a-smartphone", "/en/articles/sign-in-with-2fa", "/en/articles/forgotten-password",
    })]
    [InlineData("lv", "Populārākie jautājumi", new[]
    {
        "/lv/articles/nesanemu-apstiprinajuma-e-pastu", "/lv/articles/eu-login-lietotnes-iestatisana", "/lv/articles/qr-kods-ir-nederigs",
        "/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna", "/lv/articles/ka-pieteikties-ar-2fa", "/lv/articles/aizmirsta-parole",
    })]
    public async Task The_home_page_lists_the_popular_questions_in_topic_order_then_as_listed(string culture, string heading, string[] links)
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync($"/{culture}/");

        var section = page.QuerySelector("section.popular-questions")!;
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
        Assert.Equal(links, section.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        Assert.All(section.QuerySelectorAll("li a"), a => Assert.False(string.IsNullOrWhiteSpace(a.TextContent)));
    }

    [Theory]
    [InlineData("/en/topics/setting-up-two-factor-authentication")]
    [InlineData("/lv/articles/aizmirsta-parole")]
    [InlineData("/en/survey")]
    public async Task Other_pages_keep_the_search_in_the_header(string url)
    {
        var (_, page) = await _factory.CreateClient().GetPageAsync(url);

        var form = Assert.Single(page.QuerySelectorAll("form[role=search]"));
        Assert.NotNull(form.QuerySelector("input#site-search-q"));
    }

    public void Dispose() => _factory.Dispose();
}
