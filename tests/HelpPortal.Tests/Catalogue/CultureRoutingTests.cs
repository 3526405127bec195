using System.Net;

namespace HelpPortal.Tests.Catalogue;

public sealed class CultureRoutingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/en/", HttpStatusCode.OK, "en", "Frequently asked questions")]
    [InlineData("/lv/", HttpStatusCode.OK, "lv", "Biežāk uzdotie jautājumi")]
    [InlineData("/en", HttpStatusCode.OK, "en", "Frequently asked questions")]
    [InlineData("/en/topics/eu-login-account", HttpStatusCode.OK, "en", "Your EU Login account")]
    [InlineData("/lv/topics/eu-login-konts", HttpStatusCode.OK, "lv", "Jūsu EU Login konts")]
    [InlineData("/en/articles/forgotten-password", HttpStatusCode.OK, "en", "forgotten")]
    [InlineData("/lv/articles/aizmirsta-parole", HttpStatusCode.OK, "lv", "paroli")]
    [InlineData("/lv/articles/kas-ir-eki", HttpStatusCode.OK, "lv", "Eiropas kvalifikāciju ietvarstruktūra")]
    [InlineData("/en/articles/what-is-the-eqf", HttpStatusCode.OK, "en", "European Qualifications Framework")]
    [InlineData("/de/", HttpStatusCode.NotFound, "en", "Page not found")]
    [InlineData("/LV/x", HttpStatusCode.NotFound, "en", "Page not found")]
    [InlineData("/EN/", HttpStatusCode.NotFound, "en", "Page not found")]
    [InlineData("/lv/nothing-here", HttpStatusCode.NotFound, "lv", "Lapa nav atrasta")]
    [InlineData("/lv/articles/does-not-exist", HttpStatusCode.NotFound, "lv", "Lapa nav atrasta")]
    [InlineData("/en/topics/does-not-exist", HttpStatusCode.NotFound, "en", "Page not found")]
    [InlineData("/lv/topics/eu-login-account", HttpStatusCode.NotFound, "lv", "Lapa nav atrasta")]
    public async Task A_url_answers_with_its_status_language_and_text(string url, HttpStatusCode status, string language, string text)
    {
        var (response, page) = await factory.CreatePlainClient().GetPageAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(text, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/articles/forgotten-password", "/lv/articles/aizmirsta-parole")]
    [InlineData("/lv/articles/aizmirsta-parole", "/en/articles/forgotten-password")]
    [InlineData("/en/topics/eu-login-app", "/lv/topics/eu-login-lietotne")]
    [InlineData("/lv/", "/en/")]
    public async Task The_language_switcher_leads_to_the_same_page_in_the_other_language(string from, string expected)
    {
        var client = factory.CreatePlainClient();
        var (_, page) = await client.GetPageAsync(from);
        var other = from.StartsWith("/en", StringComparison.Ordinal) ? "lv" : "en";

        var switched = await client.GetAsync(page.SwitcherHref(other));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(expected, switched.Headers.Location?.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith($".AspNetCore.Culture=c%3D{other}%7Cuic%3D{other}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_article_in_the_other_languages_slug_redirects_to_its_translation()
    {
        var response = await factory.CreatePlainClient().GetAsync("/lv/articles/forgotten-password");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/lv/articles/aizmirsta-parole", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/lv/")]
    [InlineData("//evil.example/lv/")]
    [InlineData("/en/articles/forgotten-password")]
    public async Task Switching_language_never_redirects_outside_that_languages_pages(string returnUrl)
    {
        var response = await factory.CreatePlainClient().GetAsync($"/language/lv?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/lv/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Switching_to_an_unknown_language_is_not_found()
    {
        var response = await factory.CreatePlainClient().GetAsync("/language/de?returnUrl=%2Fde%2F");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, "/en/")]
    [InlineData(null, "lv-LV,lv;q=0.9,en;q=0.5", "/lv/")]
    [InlineData(null, "lv", "/lv/")]
    [InlineData(null, "de-DE,de;q=0.9", "/en/")]
    [InlineData(null, "de-DE,lv;q=0.5", "/lv/")]
    [InlineData("c=lv|uic=lv", null, "/lv/")]
    [InlineData("c=lv|uic=lv", "en-GB,en", "/lv/")]
    [InlineData("c=en|uic=en", "lv", "/en/")]
    [InlineData("c=xx|uic=xx", "lv", "/lv/")]
    public async Task The_root_redirects_by_cookie_then_accept_language_then_english(string? cookie, string? acceptLanguage, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(cookie)}");
        }

        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_404_under_lv_stays_latvian_even_when_the_browser_prefers_english()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/lv/articles/unknown");
        request.Headers.Add("Accept-Language", "en-GB");

        var response = await factory.CreatePlainClient().SendAsync(request);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("lv", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet]"));
    }
}
