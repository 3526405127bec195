
namespace HelpPortal.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/en/")]
    [InlineData("/lv/")]
    [InlineData("/en/topics/signing-in")]
    [InlineData("/lv/topics/pieteiksanas")]
    [InlineData("/en/articles/set-up-the-eu-login-app")]
    [InlineData("/lv/articles/eu-login-lietotnes-iestatisana")]
    [InlineData("/lv/articles/does-not-exist")]
    [InlineData("/en/pages/privacy")]
    [InlineData("/lv/pages/privatums")]
    [InlineData("/en/pages/cookies")]
    [InlineData("/lv/pages/sikdatnes")]
    [InlineData("/en/pages/accessibility")]
    [InlineData("/lv/pages/pieklustamiba")]
    [InlineData("/en/survey")]
    [InlineData("/lv/survey")]
    [InlineData("/en/admin/login")]
    [InlineData("/lv/admin/login")]
    public async Task The_page_has_no_accessibility_violations_of_any_impact(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("/en/")]
    [InlineData("/lv/")]
    [InlineData("/en/search")]
    [InlineData("/en/search?q=password")]
    [InlineData("/lv/search?q=parole")]
    public async Task The_home_and_search_pages_have_no_accessibility_violations_of_any_impact_such_as_two_search_landmarks(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        await Accessibility.AssertNoViolationsAsync(page);
    }
}
