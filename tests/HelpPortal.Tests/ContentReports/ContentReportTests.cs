using System.Net;
using System.Text;
using HelpPortal.Web.Content;
using HelpPortal.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.ContentReports;

/// <summary>The content team's reports, on a copy of the content that lacks one translation and has one stale.</summary>
public abstract class ContentReportTests(ContentReportTests.Portal portal) : IAsyncLifetime
{
    private const string MissingLatvian = "lv/eu-login-app/viena-ierice-vairakiem-kontiem.md";
    private const string StaleLatvian = "lv/signing-in/jau-piesakos-ar-eid.md";
    private readonly TestContent _content = portal.Content;
    private readonly PortalFactory _factory = portal.Factory;
    private readonly AdminSession _admin = portal.Admin;

    public sealed class OnSqlite(Portal portal) : ContentReportTests(portal), IClassFixture<Portal>;

    public sealed class OnPostgres(PostgresPortal portal) : ContentReportTests(portal), IClassFixture<PostgresPortal>, IRunsOnPostgres;

    // The tests share one portal and admin; each starts from no votes and no search misses.
    public Task InitializeAsync() => _factory.WithDbAsync(async db =>
    {
        await db.ArticleVotes.ExecuteDeleteAsync();
        return await db.SearchMisses.ExecuteDeleteAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [DatabaseFact]
    public async Task The_coverage_matrix_shows_missing_and_stale_translations()
    {
        var page = await _admin.GetPageAsync("/en/admin/coverage");

        string State(string key, string culture)
            => page.QuerySelector($"#coverage-table tr[data-key='{key}'] td[data-culture={culture}]")!.GetAttribute("data-state")!;

        Assert.Equal(25, page.QuerySelectorAll("#coverage-table tbody tr").Length);
        Assert.Equal("Missing", State("one-device-several-accounts", "lv"));
        Assert.Equal("Present", State("one-device-several-accounts", "en"));
        Assert.Equal("Stale", State("eid-already-used", "lv"));
        Assert.Equal("Present", State("eid-already-used", "en"));
        Assert.Equal("Present", State("eqf", "lv"));
    }

    [DatabaseFact]
    public async Task The_coverage_report_lists_the_notes_for_review_of_each_language_version_in_topic_order()
    {
        var page = await _admin.GetPageAsync("/en/admin/coverage");

        var rows = page.QuerySelectorAll("#review-notes-table tbody tr").Select(r => $"{r.GetAttribute("data-key")} {r.GetAttribute("data-culture")}").ToList();
        // Four articles carry a note in each language, and the Latvian files that gloss interface labels one about them;
        // the Latvian "one device" file is removed from this copy.
        Assert.Equal(
            [
                "confirmation-email-not-received lv", "email-already-registered lv", "set-up-eu-login-app en", "set-up-eu-login-app lv",
                "find-qr-code en", "find-qr-code lv", "qr-code-invalid lv", "activate-eid lv", "sign-in-with-2fa lv", "forgotten-password lv",
                "change-app-pin en", "change-app-pin lv", "one-device-several-accounts en",
            ],
            rows);
        var note = page.QuerySelector("#review-notes-table tr[data-key='find-qr-code'][data-culture=lv]")!;
        Assert.Equal("/lv/articles/kur-atrast-qr-kodu", note.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Contains("/cas/mobile", note.QuerySelector("td")!.TextContent, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public void Content_check_reports_missing_and_stale_translations_as_warnings()
    {
        var content = new ContentReader().Read(_content.Folder);

        Assert.Equal(0, content.ErrorCount);
        Assert.Contains(content.Problems, p => p is { Severity: ProblemSeverity.Warning, Path: "en/eu-login-app/one-device-for-several-accounts.md" }
            && p.Message.StartsWith("No lv translation of 'one-device-several-accounts' is loaded", StringComparison.Ordinal));
        Assert.Contains(content.Problems, p => p is { Severity: ProblemSeverity.Warning, Path: StaleLatvian, Field: "updated" }
            && p.Message.Contains("may be out of date", StringComparison.Ordinal));
        Assert.Equal(2, content.WarningCount);
    }

    [DatabaseFact]
    public async Task The_search_miss_report_lists_the_most_frequent_failed_searches_and_exports_them()
    {
        var visitor = _factory.CreateClient();
        foreach (var query in new[] { "zzqx", "zzqx", "=cmd|' /C calc'!A0", "Ābolu kūka" })
        {
            await visitor.GetAsync("/lv/search?q=" + Uri.EscapeDataString(query));
        }

        var page = await _admin.GetPageAsync("/en/admin/search-misses");
        var csv = await _admin.Client.GetAsync("/en/admin/search-misses.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var records = StrictCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        var first = page.QuerySelector("#misses-lv + table tbody tr, section[aria-labelledby=misses-lv] tbody tr")!;
        Assert.Equal("zzqx", first.QuerySelector("th")!.TextContent);
        Assert.Equal("2", first.QuerySelector("td")!.TextContent);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType?.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(["culture", "query", "searches"], records[0]);
        Assert.Contains(records, r => r is ["lv", "zzqx", "2"]);
        Assert.Contains(records, r => r is ["lv", "abolu kuka", "1"]);
        Assert.Contains(records, r => r[1] == "'" + SearchAnalyzer.Fold("=cmd|' /C calc'!A0"));
    }

    [DatabaseFact]
    public async Task The_feedback_report_puts_the_least_helpful_answers_first()
    {
        async Task Vote(string culture, string article, string helpful, string? reason = null)
        {
            var fields = new List<KeyValuePair<string, string>> { new("article", article), new("helpful", helpful) };
            if (reason is not null)
            {
                fields.Add(new("reason", reason));
            }

            Assert.Equal(HttpStatusCode.SeeOther, (await _factory.CreatePlainClient().PostAsync($"/{culture}/feedback", new FormUrlEncodedContent(fields))).StatusCode);
        }

        await Vote("en", "eqf", "yes");
        await Vote("en", "eqf", "yes");
        await Vote("lv", "cefr", "no", "outdated");
        await Vote("lv", "cefr", "no", "unclear");
        await Vote("lv", "cefr", "yes");

        var page = await _admin.GetPageAsync("/en/admin/feedback");

        var rows = page.QuerySelectorAll("#feedback-table tbody tr").ToList();
        Assert.Equal(50 - 1, rows.Count);
        Assert.Equal("/lv/articles/kas-ir-cefr", rows[0].QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal(["1", "2"], rows[0].QuerySelectorAll("td").Skip(1).Take(2).Select(c => c.TextContent));
        Assert.Contains("It is out of date: 1", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/en/articles/what-is-the-eqf", rows[1].QuerySelector("th a")!.GetAttribute("href"));
    }

    public class Portal : SignedInPortal
    {
        public Portal()
            : this(TestDatabase.Sqlite)
        {
        }

        protected Portal(TestDatabase database)
            : this(new TestContent(), database)
        {
        }

        private Portal(TestContent content, TestDatabase database)
            : base(new PortalFactory { Database = database, ContentFolder = WithOneMissingAndOneStaleTranslation(content).Folder })
            => Content = content;

        public TestContent Content { get; }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Content.Dispose();
        }

        private static TestContent WithOneMissingAndOneStaleTranslation(TestContent content)
        {
            content.Delete(MissingLatvian);
            content.Write(StaleLatvian, content.Read(StaleLatvian).Replace("updated: 2026-11-20", "updated: 2026-01-15", StringComparison.Ordinal));
            return content;
        }
    }

    public sealed class PostgresPortal() : Portal(TestDatabase.Postgres);
}
