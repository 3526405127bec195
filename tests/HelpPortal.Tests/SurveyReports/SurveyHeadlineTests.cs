using HelpPortal.Web.Survey;

namespace HelpPortal.Tests.SurveyReports;

/// <summary>The headline figures and their change, from known answers; the clock stands at 2026-11-27 12:00 UTC.</summary>
public abstract class SurveyHeadlineTests(AdminReportTests.Portal portal) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly PortalFactory _factory = portal.Factory;
    private readonly AdminSession _admin = portal.Admin;

    public sealed class OnSqlite(AdminReportTests.Portal portal) : SurveyHeadlineTests(portal), IClassFixture<AdminReportTests.Portal>;

    public sealed class OnPostgres(AdminReportTests.PostgresPortal portal) : SurveyHeadlineTests(portal), IClassFixture<AdminReportTests.PostgresPortal>, IRunsOnPostgres;

    public Task InitializeAsync() => portal.ForgetSurveyResponsesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // The last 30 days (2026-10-29 … 11-27): CSAT 2 of 4, found 2 of 4, median 250 s.
    // The 30 days before (09-29 … 10-28): CSAT 1 of 4, found 3 of 4, median 60 s. Older answers count in neither.
    private static SurveyResponse[] TwoPeriods() =>
    [
        Make(Now.AddDays(-1), 5, "yes", 100), Make(Now.AddDays(-5), 4, "yes", 200), Make(Now.AddDays(-10), 3, "no", 300), Make(Now.AddDays(-29), 2, "partly", 400),
        Make(Now.AddDays(-31), 4, "yes", 60), Make(Now.AddDays(-40), 1, "yes", 60), Make(Now.AddDays(-50), 1, "yes", 60), Make(Now.AddDays(-59), 1, "no", 60),
        Make(Now.AddDays(-70), 5, "yes", 60),
    ];

    [DatabaseFact]
    public async Task Each_headline_figure_is_read_with_its_change_on_the_previous_30_days()
    {
        await _factory.SeedAsync(TwoPeriods());

        var page = await _admin.GetPageAsync("/en/admin");

        Assert.Equal("50%, up 25 points on the previous 30 days", Figure(page, "headline-csat"));
        Assert.Equal("50%, down 25 points on the previous 30 days", Figure(page, "headline-found"));
        Assert.Equal("4 min 10 s, 3 min 10 s longer than the previous 30 days", Figure(page, "headline-median"));
        Assert.Equal("4, the same as the previous 30 days", Figure(page, "total-responses"));
        Assert.Contains("1 min 10 s over the promised 3 minutes.", page.QuerySelector("#headline-median")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task The_change_is_written_in_Latvian_with_the_Latvian_plural()
    {
        await _factory.SeedAsync(TwoPeriods());

        var page = await _admin.GetPageAsync("/lv/admin");

        Assert.Equal(", par 25 procentpunktiem vairāk nekā iepriekšējās 30 dienās", page.QuerySelector("#headline-csat-change")!.TextContent);
        Assert.Equal(", par 3 min 10 s ilgāk nekā iepriekšējās 30 dienās", page.QuerySelector("#headline-median-change")!.TextContent);
    }

    [DatabaseFact]
    public async Task An_explicit_range_is_compared_with_as_many_days_just_before_it()
    {
        await _factory.SeedAsync(
            Make(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), 5, "yes", 100),
            Make(new DateTimeOffset(2026, 11, 7, 23, 0, 0, TimeSpan.Zero), 5, "yes", 100),
            Make(new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero), 4, "no", 100),
            Make(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), 1, "no", 100),
            Make(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero), 5, "yes", 100));

        var page = await _admin.GetPageAsync("/en/admin?from=2026-11-01&to=2026-11-07");

        Assert.Equal("3, up 2 on the previous 7 days", Figure(page, "total-responses"));
        Assert.Equal("100%, up 100 points on the previous 7 days", Figure(page, "headline-csat"));
        Assert.Equal("67%, up 67 points on the previous 7 days", Figure(page, "headline-found"));
    }

    [DatabaseFact]
    public async Task An_empty_previous_period_is_said_to_be_empty_rather_than_compared()
    {
        await _factory.SeedAsync(Make(Now.AddDays(-1), 5, "yes", 100));

        var page = await _admin.GetPageAsync("/en/admin");

        Assert.Equal("100%, no responses in the previous 30 days to compare with", Figure(page, "headline-csat"));
        Assert.Equal("1 min 40 s, no responses in the previous 30 days to compare with", Figure(page, "headline-median"));
        Assert.Equal("1, up 1 on the previous 30 days", Figure(page, "total-responses"));
        Assert.Contains("Within the promised 3 minutes.", page.QuerySelector("#headline-median")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Without_responses_the_figures_are_dashes_without_a_change()
    {
        var page = await _admin.GetPageAsync("/en/admin");

        Assert.Equal("—", Figure(page, "headline-csat"));
        Assert.Equal("0, the same as the previous 30 days", Figure(page, "total-responses"));
    }

    private static string Figure(AngleSharp.Dom.IDocument page, string id)
        => page.QuerySelector($"#{id}")!.TextContent + (page.QuerySelector($"#{id}-change")?.TextContent ?? "");

    private static SurveyResponse Make(DateTimeOffset at, int q1, string q2, int seconds) => StoredResponses.Make(at, q1, q2, seconds: seconds);
}
