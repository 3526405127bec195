using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace HelpPortal.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class AdminJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_enrols_signs_in_with_totp_reads_the_charts_and_finds_a_new_answer_in_the_csv()
    {
        // A visitor answers the survey first, in Latvian, from an article.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/lv/survey?from=forgotten-password");
        await visitor.Locator("#q1-2").CheckAsync();
        await visitor.Locator("#q2-no").CheckAsync();
        await visitor.Locator("#q3-3").CheckAsync();
        var marker = $"Pārlūka tests {Guid.NewGuid():N}, \"pēdiņas\"";
        await visitor.Locator("#q5").FillAsync(marker);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Iesniegt" }).ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex("/lv/survey/thanks"));

        var email = $"browser-{Guid.NewGuid():N}@example.eu";
        Assert.Equal(0, (await browser.Factory.RunCommandAsync(AdminSession.Password, "admin", "create", "--email", email)).ExitCode);

        var page = await browser.NewPageAsync(acceptDownloads: true);
        await page.GotoAsync("/en/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/admin/login"));
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AdminSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/admin/enrol"));
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await page.GetByLabel("Authenticator code").FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);

        // Sign out and back in: password, then a fresh code from the app.
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the reports" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AdminSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/admin/login/code"));
        await page.GetByLabel("Authenticator code").FillAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Survey reports" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-q1 svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".comment-text", new() { HasText = marker })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        var records = StrictCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        Assert.Matches(@"^survey-responses-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var row = Assert.Single(records, r => r[9] == marker);
        Assert.Equal(["lv", "forgotten-password", "2", "no", "3"], [row[2], row[3], row[5], row[6], row[7]]);
    }

    [Theory]
    [InlineData("/en/admin/login")]
    [InlineData("/lv/admin/login")]
    public async Task The_sign_in_page_has_no_serious_or_critical_accessibility_violations(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Enrolment_and_the_dashboard_have_no_serious_or_critical_accessibility_violations()
    {
        var page = await AdminBrowser.SignInNewAdminAsync(browser, "lv");
        await AssertAccessibleAsync(page);

        await AdminBrowser.EnrolAsync(page);
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/lv/admin?from=2026-01-01");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aptaujas pārskati" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    private static Task AssertAccessibleAsync(IPage page) => Accessibility.AssertNoViolationsAsync(page);
}
