using HelpPortal.Web.Feedback;
using Microsoft.Playwright;

namespace HelpPortal.Tests.Browser;

/// <summary>The survey report with every section filled: accessible in both languages, and printable without navigation.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SurveyReportPrintTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_report_with_headline_trends_article_health_and_comments_has_no_accessibility_violations_and_prints_without_navigation()
    {
        await SeedAsync();
        var page = await AdminBrowser.SignInNewAdminAsync(browser, "en");
        await AdminBrowser.EnrolAsync(page);

        foreach (var culture in new[] { "en", "lv" })
        {
            await page.GotoAsync($"/{culture}/admin");
            await Assertions.Expect(page.Locator("#trend-csat svg circle.too-few").First).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator("#article-table .health-score").First).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { ".admin-nav", ".site-footer", ".header-tools", ".report-filter", "#export-csv", ".admin-header button" })
        {
            await Assertions.Expect(page.Locator(hidden).First).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator("#trend-csat svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#article-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#headline-csat")).ToBeVisibleAsync();
    }

    /// <summary>Two weeks of answers (one with too few), comments and votes, in the last days on the real clock.</summary>
    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await browser.Factory.SeedAsync(
        [
            .. Enumerable.Range(0, 12).Select(i => StoredResponses.Make(now.AddDays(-8).AddMinutes(-i), q1: 1 + (i % 5), q5: i % 3 == 0 ? $"Print test comment {i}" : null)),
            .. Enumerable.Range(0, 3).Select(i => StoredResponses.Make(now.AddMinutes(-i), q1: 5, culture: "lv", q5: "Ļoti labi")),
        ]);
        await browser.Factory.WithDbAsync(db =>
        {
            db.ArticleVotes.AddRange(
                new ArticleVote { ArticleKey = "eqf", Culture = "en", VoterHash = $"print-{Guid.NewGuid():N}", Helpful = false, Reason = "unclear", VotedAt = now.AddDays(-1) },
                new ArticleVote { ArticleKey = "eqf", Culture = "lv", VoterHash = $"print-{Guid.NewGuid():N}", Helpful = true, VotedAt = now.AddDays(-2) });
            return db.SaveChangesAsync();
        });
    }
}
