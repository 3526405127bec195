using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace HelpPortal.Tests.Browser;

/// <summary>A new admin signed in through the real pages: password, then enrolment with a code computed from the shown key.</summary>
public static class AdminBrowser
{
    public static async Task<IPage> SignInNewAdminAsync(BrowserFixture browser, string culture = "en")
    {
        var email = $"admin-{Guid.NewGuid():N}@example.eu";
        Assert.Equal(0, (await browser.Factory.RunCommandAsync(AdminSession.Password, "admin", "create", "--email", email)).ExitCode);

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/{culture}/admin/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(AdminSession.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/{culture}/admin/enrol"));
        return page;
    }

    public static async Task EnrolAsync(IPage page)
    {
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.Locator("#Code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
    }
}
