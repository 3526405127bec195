using System.Net;
using HelpPortal.Web.Survey;

namespace HelpPortal.Tests.SurveyReports;

/// <summary>The written answers filtered by satisfaction, language, article and text, in the report and in the CSV export.</summary>
public abstract class CommentFilterTests(AdminReportTests.Portal portal) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly PortalFactory _factory = portal.Factory;
    private readonly AdminSession _admin = portal.Admin;

    public sealed class OnSqlite(AdminReportTests.Portal portal) : CommentFilterTests(portal), IClassFixture<AdminReportTests.Portal>;

    public sealed class OnPostgres(AdminReportTests.PostgresPortal portal) : CommentFilterTests(portal), IClassFixture<AdminReportTests.PostgresPortal>, IRunsOnPostgres;

    public Task InitializeAsync() => portal.ForgetSurveyResponsesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [DatabaseTheory]
    [InlineData("ļoti", new[] { "ĻOTI labi", "Ļoti grūti atrast" })]
    [InlineData("GRŪTI", new[] { "Ļoti grūti atrast" })]
    [InlineData("Labi", new[] { "Viss labi", "ĻOTI labi" })]
    public async Task The_text_search_ignores_case_in_Latvian_letters_too(string search, string[] expected)
    {
        await SeedAsync(Comment("Ļoti grūti atrast", 1), Comment("Viss labi", 2), Comment("ĻOTI labi", 3));

        var page = await _admin.GetPageAsync($"/lv/admin?search={Uri.EscapeDataString(search)}");

        Assert.Equal(expected, Texts(page));
    }

    [DatabaseTheory]
    [InlineData("50%", "50% of it")]
    [InlineData("a_b", "a_b")]
    [InlineData("c\\d", "c\\d")]
    public async Task Wildcards_in_the_text_search_are_taken_literally(string search, string expected)
    {
        await SeedAsync(Comment("50% of it", 1), Comment("500 of it", 2), Comment("a_b", 3), Comment("axb", 4), Comment("c\\d", 5), Comment("cd", 6));

        var page = await _admin.GetPageAsync($"/en/admin?search={Uri.EscapeDataString(search)}");

        Assert.Equal([expected], Texts(page));
    }

    [DatabaseFact]
    public async Task Written_answers_are_filtered_by_satisfaction_language_and_article()
    {
        await SeedAsync(
            Comment("wanted", 1, culture: "lv", article: "eqf"),
            Comment("other satisfaction", 2, culture: "lv", article: "eqf"),
            Comment("other language", 1, culture: "en", article: "eqf"),
            Comment("other article", 1, culture: "lv", article: "cefr"));

        var page = await _admin.GetPageAsync("/en/admin?satisfaction=1&culture=lv&article=eqf");

        Assert.Equal(["wanted"], Texts(page));
        Assert.Equal("1", page.QuerySelector("#filter-satisfaction option[selected]")!.GetAttribute("value"));
        Assert.Contains("satisfaction=1", page.QuerySelector("#export-csv")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task The_CSV_export_takes_the_same_filters_as_the_written_answers()
    {
        await SeedAsync(Comment("Ļoti grūti", 1), Comment("ļoti labi", 5), Comment("grūti", 1), Comment("Ļoti grūti", 1, culture: "lv"));
        var page = await _admin.GetPageAsync("/en/admin?satisfaction=1&search=%C4%BCoti&culture=en");

        var csv = await _admin.Client.GetStringAsync(page.QuerySelector("#export-csv")!.GetAttribute("href"));

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Single(rows);
        Assert.Contains(",en,", rows[0], StringComparison.Ordinal);
        Assert.Contains("Ļoti grūti", rows[0], StringComparison.Ordinal);
        Assert.Equal(["Ļoti grūti"], Texts(page));
    }

    [DatabaseTheory]
    [InlineData("/en/admin?satisfaction=6")]
    [InlineData("/en/admin/survey/export.csv?satisfaction=x")]
    public async Task A_satisfaction_outside_1_to_5_is_refused(string url)
    {
        var response = await _admin.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'satisfaction' must be a whole number from 1 to 5", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private Task<int> SeedAsync(params SurveyResponse[] responses) => _factory.SeedAsync(responses);

    private static int _minute;

    private static SurveyResponse Comment(string text, int q1, string culture = "en", string article = "forgotten-password")
        => StoredResponses.Make(Now.AddMinutes(-Interlocked.Increment(ref _minute) % 1000), q1: q1, culture: culture, article: article, q5: text);

    private static List<string> Texts(AngleSharp.Dom.IDocument page)
        => [.. page.QuerySelectorAll(".comment-text").Select(c => c.TextContent).Order(StringComparer.Ordinal)];
}
