using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelpPortal.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class SearchAndFeedbackJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_searches_in_latvian_without_diacritics_and_opens_the_expected_article()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/lv/");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Ar ko jums vajadzīga palīdzība?" }).FillAsync("viedtalrunis");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lv/search\\?q=viedtalrunis$"));
        var first = page.Locator(".search-result").First;
        await Assertions.Expect(first.Locator("mark").First).ToBeVisibleAsync();
        await first.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lv/articles/divfaktoru-autentifikacija-bez-viedtalruna$"));
    }

    [Fact]
    public async Task A_visitor_answers_no_with_a_reason_without_a_page_reload()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/articles/what-is-the-cefr");
        var feedback = page.GetByRole(AriaRole.Region, new() { Name = "Was this helpful?" });

        await feedback.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await Assertions.Expect(feedback.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you for your feedback");
        await feedback.GetByLabel("It is out of date").CheckAsync();
        await feedback.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(feedback.GetByLabel("It is out of date")).ToBeHiddenAsync();
        Assert.EndsWith("/en/articles/what-is-the-cefr", page.Url, StringComparison.Ordinal);
        var vote = await browser.Factory.WithDbAsync(db => db.ArticleVotes.AsNoTracking().SingleAsync(v => v.ArticleKey == "cefr" && v.Reason == "outdated"));
        Assert.False(vote.Helpful);
        Assert.Equal("en", vote.Culture);
    }

    [Fact]
    public async Task Voting_works_without_javascript()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/lv/articles/kas-ir-eki");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nē", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lv/feedback/thanks\\?article=eqf&ask=reason$"));
        await page.GetByLabel("Tā bija neskaidra").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nosūtīt" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Paldies par jūsu atsauksmi");
        Assert.True(await browser.Factory.WithDbAsync(db => db.ArticleVotes.AnyAsync(v => v.ArticleKey == "eqf" && v.Reason == "unclear")));
    }

    [Theory]
    [InlineData("/lv/search?q=paroli")]
    [InlineData("/en/search?q=password")]
    [InlineData("/en/search?q=viedt%C4%81lrunis")]
    [InlineData("/lv/search?q=zzzqqq")]
    [InlineData("/en/search")]
    public async Task Search_pages_have_no_serious_or_critical_accessibility_violations(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_content_reports_have_no_serious_or_critical_accessibility_violations()
    {
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/lv/search?q=nekas+tads");
        var page = await AdminBrowser.SignInNewAdminAsync(browser);
        await AdminBrowser.EnrolAsync(page);

        foreach (var url in new[] { "/en/admin/feedback", "/lv/admin/search-misses", "/en/admin/coverage" })
        {
            await page.GotoAsync(url);
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }
}
