
namespace HelpPortal.Tests.SurveyReports;

/// <summary>The weekly line charts: their scales and the marking of weeks with too few answers.</summary>
public abstract class WeeklyTrendTests(AdminReportTests.Portal portal) : IAsyncLifetime
{
    // Friday 27 November 2026; its week began on Monday the 23rd, the week before on the 16th.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly PortalFactory _factory = portal.Factory;
    private readonly AdminSession _admin = portal.Admin;

    public sealed class OnSqlite(AdminReportTests.Portal portal) : WeeklyTrendTests(portal), IClassFixture<AdminReportTests.Portal>;

    public sealed class OnPostgres(AdminReportTests.PostgresPortal portal) : WeeklyTrendTests(portal), IClassFixture<AdminReportTests.PostgresPortal>, IRunsOnPostgres;

    public Task InitializeAsync() => portal.ForgetSurveyResponsesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // Week of the 16th: 12 answers, 9 of them 4 or 5 (CSAT 75 %). Week of the 23rd: 3 answers, too few.
    private Task<int> SeedTwoWeeksAsync() => _factory.SeedAsync(
    [
        .. Enumerable.Range(0, 12).Select(i => StoredResponses.Make(new DateTimeOffset(2026, 11, 16, 8, i, 0, TimeSpan.Zero), q1: i < 9 ? 5 : 2)),
        .. Enumerable.Range(0, 3).Select(i => StoredResponses.Make(Now.AddHours(-i), q1: 5)),
    ]);

    [DatabaseFact]
    public async Task A_week_with_fewer_than_ten_answers_is_drawn_hollow_with_a_dashed_line_and_marked_in_the_table()
    {
        await SeedTwoWeeksAsync();

        var page = await _admin.GetPageAsync("/en/admin");

        var chart = page.QuerySelector("#trend-csat")!;
        var points = chart.QuerySelectorAll("svg circle");
        Assert.Equal([null, "too-few"], points.Select(p => p.GetAttribute("class")));
        Assert.Equal(["#0e47cb", "#ffffff"], points.Select(p => p.GetAttribute("fill")));
        Assert.Equal("6 5", chart.QuerySelector("svg line.too-few")!.GetAttribute("stroke-dasharray"));
        var rows = chart.QuerySelectorAll("table tbody tr");
        Assert.Null(rows[0].GetAttribute("class"));
        Assert.Equal("too-few", rows[1].GetAttribute("class"));
        Assert.Equal("Too few answers (fewer than 10)", rows[1].QuerySelectorAll("td")[^1].TextContent);
        Assert.Contains("75% (responses: 12)", chart.QuerySelector("svg desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("100% (responses: 3, too few to mean much)", chart.QuerySelector("svg desc")!.TextContent, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Satisfaction_is_drawn_on_the_whole_scale_from_0_to_100_percent()
    {
        await SeedTwoWeeksAsync();

        var page = await _admin.GetPageAsync("/en/admin");

        var chart = page.QuerySelector("#trend-csat svg")!;
        Assert.Equal(["0%", "25%", "50%", "75%", "100%"], chart.QuerySelectorAll(".y-label text").Select(t => t.TextContent));
        // The plot runs from y = 216 (0 %) to y = 16 (100 %): 75 % sits at 66.
        Assert.Equal(["66", "16"], chart.QuerySelectorAll("circle").Select(c => c.GetAttribute("cy")));
        Assert.Equal(["12", "3"], page.QuerySelectorAll("#trend-responses tbody td").Select(t => t.TextContent));
    }

    [DatabaseFact]
    public async Task Responses_are_drawn_from_0_up_to_a_round_number_above_the_busiest_week()
    {
        await SeedTwoWeeksAsync();

        var page = await _admin.GetPageAsync("/en/admin");

        Assert.Equal(["0", "5", "10", "15", "20"], page.QuerySelectorAll("#trend-responses svg .y-label text").Select(t => t.TextContent));
    }
}
