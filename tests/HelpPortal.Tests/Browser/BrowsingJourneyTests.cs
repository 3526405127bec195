using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HelpPortal.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class BrowsingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_browses_home_topic_article_then_switches_language_and_lands_on_the_same_article()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/en/", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Signing in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Signing in");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("forgotten my EU Login password", RegexOptions.IgnoreCase) }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/articles/forgotten-password$"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Latviešu" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lv/articles/aizmirsta-parole$"));
        Assert.Equal("lv", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("paroli");

        // The choice is remembered: the next visit to / goes to Latvian.
        await page.GotoAsync("/");
        Assert.EndsWith("/lv/", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_thing_the_keyboard_reaches_and_moves_to_the_main_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/lv/");

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("Pāriet uz galveno saturu");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#main$"));
    }

    [Fact]
    public async Task The_portal_works_with_javascript_disabled_and_makes_no_third_party_requests()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => consoleErrors.Add(message.Text);
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);

        await page.GotoAsync("/en/topics/setting-up-two-factor-authentication");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("set up the EU Login", RegexOptions.IgnoreCase) }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Latviešu" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lv/articles/eu-login-lietotnes-iestatisana$"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.All(responses, r => Assert.Equal(browser.BaseAddress.Authority, new Uri(r.Url).Authority));
        Assert.All(responses, r => Assert.True(r.Status < 400, $"{r.Url} answered {r.Status}"));
        Assert.Contains(responses, r => r.Url.Contains("/css/site.", StringComparison.Ordinal));
        Assert.Empty(consoleErrors);
        Assert.Equal("system-ui", (await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily")).Split(',')[0]);
    }

    [Fact]
    public async Task The_next_page_is_one_request_its_stylesheet_and_script_come_from_the_browser_cache()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/articles/what-is-the-cefr");
        var logged = browser.Factory.Logs.Events.Count;

        await page.GotoAsync("/en/articles/forgotten-password");

        var paths = browser.Factory.Logs.Events.Skip(logged)
            .Select(e => e.Properties.TryGetValue("RequestPath", out var path) ? path.ToString().Trim('"') : null)
            .OfType<string>()
            .ToList();
        Assert.Equal(["/en/articles/forgotten-password"], paths);
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };

        var response = await client.GetAsync("/en/");

        Assert.False(response.Headers.Contains("Server"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
