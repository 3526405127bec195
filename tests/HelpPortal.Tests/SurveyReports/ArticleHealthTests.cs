using HelpPortal.Web.Feedback;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.SurveyReports;

/// <summary>The article-health table: survey answers and "Was this helpful?" votes joined per article, by Wilson score.</summary>
public abstract class ArticleHealthTests(AdminReportTests.Portal portal) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly PortalFactory _factory = portal.Factory;
    private readonly AdminSession _admin = portal.Admin;

    public sealed class OnSqlite(AdminReportTests.Portal portal) : ArticleHealthTests(portal), IClassFixture<AdminReportTests.Portal>;

    public sealed class OnPostgres(AdminReportTests.PostgresPortal portal) : ArticleHealthTests(portal), IClassFixture<AdminReportTests.PostgresPortal>, IRunsOnPostgres;

    public async Task InitializeAsync()
    {
        await portal.ForgetSurveyResponsesAsync();
        await _factory.WithDbAsync(db => db.ArticleVotes.ExecuteDeleteAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // forgotten-password: surveys 5 and 2 (the 2 did not find the answer), votes yes and no → 2 good of 4: 15.0 %.
    // cefr: a single "yes" vote → 20.7 %. eqf: 8 "yes" and 2 "no" (unclear) → 49.0 %. A vote 60 days old counts nowhere.
    private async Task SeedAsync()
    {
        await _factory.SeedAsync(
            StoredResponses.Make(Now.AddDays(-1), q1: 5, article: "forgotten-password"),
            StoredResponses.Make(Now.AddDays(-2), q1: 2, q2: "no", article: "forgotten-password"));
        await _factory.WithDbAsync(db =>
        {
            db.ArticleVotes.AddRange(
            [
                Vote("forgotten-password", true), Vote("forgotten-password", false, "outdated"),
                Vote("cefr", true),
                .. Enumerable.Range(0, 8).Select(_ => Vote("eqf", true)),
                Vote("eqf", false, "unclear"), Vote("eqf", false, "unclear"),
                Vote("cefr", false, "other", Now.AddDays(-60)),
            ]);
            return db.SaveChangesAsync();
        });
    }

    [DatabaseFact]
    public async Task Articles_are_listed_least_healthy_first_by_the_Wilson_lower_bound()
    {
        await SeedAsync();

        var page = await _admin.GetPageAsync("/en/admin");

        var rows = page.QuerySelectorAll("#article-table tbody tr");
        Assert.Equal(["/en/articles/forgotten-password", "/en/articles/what-is-the-cefr", "/en/articles/what-is-the-eqf"], rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")));
        Assert.Equal(["15.0%", "20.7%", "49.0%"], rows.Select(r => r.QuerySelector(".health-score")!.TextContent));
    }

    [DatabaseFact]
    public async Task A_row_joins_the_survey_answers_and_the_votes_with_their_reasons()
    {
        await SeedAsync();

        var page = await _admin.GetPageAsync("/en/admin");

        var cells = page.QuerySelectorAll("#article-table tbody tr")[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["15.0%", "2", "50%", "3.50", "50%", "2", "50%", "It is out of date: 1"], cells[..8]);
        var eqf = page.QuerySelectorAll("#article-table tbody tr")[2];
        Assert.Equal("It was unclear: 2", eqf.QuerySelectorAll("td")[7].TextContent);
        Assert.Equal("—", eqf.QuerySelectorAll("td")[2].TextContent);
    }

    [DatabaseFact]
    public async Task Each_row_links_to_the_article_in_both_languages_and_to_its_answers()
    {
        await SeedAsync();

        var page = await _admin.GetPageAsync("/en/admin?culture=en");

        var row = page.QuerySelectorAll("#article-table tbody tr")[0];
        var languages = row.QuerySelectorAll(".article-languages a");
        Assert.Equal(["en", "lv"], languages.Select(a => a.GetAttribute("hreflang")));
        Assert.StartsWith("/lv/articles/", languages[1].GetAttribute("href"), StringComparison.Ordinal);
        var answers = row.QuerySelector(".answers-link")!.GetAttribute("href")!;
        Assert.Contains("article=forgotten-password", answers, StringComparison.Ordinal);
        Assert.Contains("culture=en", answers, StringComparison.Ordinal);
    }

    private static int _voter;

    private static ArticleVote Vote(string article, bool helpful, string? reason = null, DateTimeOffset? at = null) => new()
    {
        ArticleKey = article,
        Culture = "en",
        VoterHash = $"voter-{Interlocked.Increment(ref _voter)}",
        Helpful = helpful,
        Reason = reason,
        VotedAt = at ?? Now.AddDays(-3),
    };
}
