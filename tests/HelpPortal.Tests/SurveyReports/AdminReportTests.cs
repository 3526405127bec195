using System.Net;
using HelpPortal.Web.Survey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.SurveyReports;

public abstract class AdminReportTests(AdminReportTests.Portal portal) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly PortalFactory _factory = portal.Factory;
    private readonly AdminSession _admin = portal.Admin;

    public sealed class OnSqlite(Portal portal) : AdminReportTests(portal), IClassFixture<Portal>;

    public sealed class OnPostgres(PostgresPortal portal) : AdminReportTests(portal), IClassFixture<PostgresPortal>, IRunsOnPostgres;

    // The tests share one portal and admin on a clock that stands still; each starts from no responses.
    public Task InitializeAsync() => portal.ForgetSurveyResponsesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [DatabaseFact]
    public async Task The_dashboard_shows_totals_median_time_and_the_distribution_of_each_answer()
    {
        await SeedAsync(
            Response(Now.AddDays(-1), q1: 5, q2: "yes", seconds: 100, q5: "Great"),
            Response(Now.AddDays(-2), q1: 4, q2: "partly", seconds: 200),
            Response(Now.AddDays(-3), q1: 1, q2: "no", seconds: 300, q4: null),
            Response(Now.AddDays(-40), q1: 1, q2: "no", seconds: 999));

        var page = await _admin.GetPageAsync("/en/admin");

        Assert.Equal("3", page.QuerySelector("#total-responses")!.TextContent);
        Assert.Contains("3 min 20 s", page.QuerySelector(".totals")!.TextContent, StringComparison.Ordinal);
        var q1 = page.QuerySelector("#chart-q1")!;
        Assert.Contains("average 3.33 of 5", q1.TextContent, StringComparison.Ordinal);
        Assert.Equal("img", q1.QuerySelector("svg")!.GetAttribute("role"));
        Assert.Contains("5 – Very satisfied: 1 (33", q1.QuerySelector("svg desc")!.TextContent, StringComparison.Ordinal);
        var rows = q1.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent).ToList();
        Assert.Equal(["1", "0", "0", "1", "1"], rows);
        Assert.Contains("q4: 67", page.QuerySelector(".totals")!.TextContent, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Articles_can_be_listed_least_satisfied_first_or_by_responses()
    {
        await SeedAsync(
            Response(Now.AddDays(-1), q1: 5, article: "eqf"),
            Response(Now.AddDays(-1), q1: 2, q2: "no", article: "forgotten-password"),
            Response(Now.AddDays(-1), q1: 3, q2: "no", article: "forgotten-password"),
            Response(Now.AddDays(-1), q1: 4, article: "cefr"),
            Response(Now.AddDays(-1), q1: 4, article: "cefr"),
            Response(Now.AddDays(-1), q1: 4, article: "cefr"));

        var worstFirst = await _admin.GetPageAsync("/en/admin?sort=Satisfaction");
        var byResponses = await _admin.GetPageAsync("/en/admin?sort=Responses");

        Assert.Equal(["/en/articles/forgotten-password", "/en/articles/what-is-the-cefr", "/en/articles/what-is-the-eqf"], Links(worstFirst));
        Assert.Contains("100", worstFirst.QuerySelector("#article-table tbody tr td:nth-child(6)")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/en/articles/what-is-the-cefr", Links(byResponses)[0]);

        static List<string?> Links(AngleSharp.Dom.IDocument page)
            => [.. page.QuerySelectorAll("#article-table tbody th a").Select(a => a.GetAttribute("href"))];
    }

    [DatabaseFact]
    public async Task Written_answers_are_shown_newest_first_encoded_and_paginated()
    {
        await SeedAsync([.. Enumerable.Range(0, 25).Select(i => Response(Now.AddMinutes(-i), q5: $"Answer {i} <script>alert({i})</script>"))]);

        var first = await _admin.GetPageAsync("/en/admin");
        var second = await _admin.GetPageAsync("/en/admin?page=2");

        var firstTexts = first.QuerySelectorAll(".comment-text").Select(c => c.TextContent).ToList();
        Assert.Equal(20, firstTexts.Count);
        Assert.Equal("Answer 0 <script>alert(0)</script>", firstTexts[0]);
        Assert.Empty(first.QuerySelectorAll(".comments script"));
        Assert.Equal(5, second.QuerySelectorAll(".comment-text").Length);
    }

    [DatabaseFact]
    public async Task The_report_filters_by_language()
    {
        await SeedAsync(Response(Now.AddDays(-1), culture: "lv"), Response(Now.AddDays(-1), culture: "en"), Response(Now.AddDays(-2), culture: "lv"));

        var page = await _admin.GetPageAsync("/lv/admin?culture=lv");

        Assert.Equal("2", page.QuerySelector("#total-responses")!.TextContent);
        Assert.Equal("Aptaujas pārskati", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("culture=lv", page.QuerySelector("#export-csv")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_bad_filter_is_reported_and_the_default_range_shown()
    {
        var response = await _admin.Client.GetAsync("/en/admin?from=yesterday");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'from' must be a date written as YYYY-MM-DD, not 'yesterday'.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_report_refused_for_its_filter_has_a_title_that_starts_with_error()
    {
        var refused = await Html.ParseAsync(await _admin.Client.GetAsync("/lv/admin?from=yesterday"));
        var shown = await Html.ParseAsync(await _admin.Client.GetAsync("/lv/admin"));

        Assert.StartsWith("Kļūda: ", refused.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Kļūda", shown.Title, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_response_is_deleted_only_after_confirmation()
    {
        var keep = Response(Now.AddDays(-1), q5: "keep me");
        var remove = Response(Now.AddDays(-1), q5: "remove me");
        await SeedAsync(keep, remove);

        var confirm = await _admin.GetPageAsync($"/en/admin/responses/{remove.Id}/delete");
        Assert.Equal(2, await CountAsync());
        var deleted = await _admin.PostFormAsync($"/en/admin/responses/{remove.Id}/delete", [], pageUrl: $"/en/admin/responses/{remove.Id}/delete");

        Assert.Contains("remove me", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal([keep.Id], await _factory.WithDbAsync(db => db.SurveyResponses.Select(r => r.Id).ToListAsync()));
    }

    [DatabaseFact]
    public async Task Deleting_without_the_antiforgery_token_is_refused()
    {
        var response = Response(Now.AddDays(-1));
        await SeedAsync(response);

        var attempt = await _admin.Client.PostAsync($"/en/admin/responses/{response.Id}/delete", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, attempt.StatusCode);
        Assert.Equal(1, await CountAsync());
    }

    [DatabaseFact]
    public async Task Purge_removes_only_responses_older_than_the_retention_period()
    {
        await SeedAsync(Response(Now.AddDays(-400)), Response(Now.AddDays(-366)), Response(Now.AddDays(-10)));

        var result = await _factory.RunCommandAsync(null, "survey", "purge", "--older-than", "365");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 responses submitted before", result.Output, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync());
    }

    private static SurveyResponse Response(
        DateTimeOffset at, int q1 = 4, string q2 = "yes", string culture = "en", string? article = "forgotten-password", int seconds = 120, string? q4 = "eid", string? q5 = null)
        => StoredResponses.Make(at, q1, q2, culture, article, seconds, q4, q5);

    private Task<int> SeedAsync(params SurveyResponse[] responses) => _factory.SeedAsync(responses);

    private Task<int> CountAsync() => _factory.WithDbAsync(db => db.SurveyResponses.CountAsync());

    public class Portal : SignedInPortal
    {
        public Portal()
            : this(TestDatabase.Sqlite)
        {
        }

        protected Portal(TestDatabase database)
            : base(new PortalFactory { Database = database, Time = new FakeTimeProvider(Now) })
        {
        }
    }

    public sealed class PostgresPortal() : Portal(TestDatabase.Postgres);
}
