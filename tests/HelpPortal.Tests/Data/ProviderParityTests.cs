using System.Text;
using HelpPortal.Web.Search;
using HelpPortal.Web.Survey;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.Data;

/// <summary>
/// The same data gives the same downloads and reports, byte for byte, whether the portal runs on SQLite or on
/// PostgreSQL. The PostgreSQL database sorts text by Latvian rules, as a server set up for Latvia would, so that an
/// order the database decides by its collation (rather than by bytes, as SQLite does) shows up as a difference.
/// </summary>
public sealed class ProviderParityTests(ProviderParityTests.Portals portals) : IClassFixture<ProviderParityTests.Portals>, IRunsOnPostgres
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Midnight = new(2026, 10, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Folded as the search miss log stores them; equally often searched, so only their text orders them.</summary>
    private static readonly string[] MissedQueries = ["zzqx", "=cmd|' /c calc'!a0", "1password", "a b", "a-b", "ab", "e-paraksts", "eu login", "пароль", "abolu kuka"];

    [DatabaseTheory]
    [InlineData("/en/admin/survey/export.csv")]
    [InlineData("/en/admin/survey/export.csv?from=2026-10-02")]
    [InlineData("/en/admin/survey/export.csv?to=2026-10-01")]
    [InlineData("/en/admin/survey/export.csv?from=2026-10-01&to=2026-10-01")]
    [InlineData("/en/admin/survey/export.csv?culture=lv")]
    [InlineData("/en/admin/survey/export.csv?article=eqf")]
    [InlineData("/en/admin/survey/export.csv?topic=set-up-2fa")]
    [InlineData("/en/admin/survey/export.csv?delimiter=semicolon")]
    [InlineData("/lv/admin/survey/export.csv?delimiter=semicolon&headers=localized")]
    [InlineData("/en/admin/survey/export.csv?headers=localized&culture=en&from=2026-09-30&to=2026-10-02")]
    public async Task The_survey_export_is_the_same_bytes_on_sqlite_and_postgresql(string url)
    {
        var (sqlite, postgres) = await DownloadFromBothAsync(url);

        Assert.True(StrictCsv.Parse(Encoding.UTF8.GetString(sqlite, 3, sqlite.Length - 3), url.Contains("semicolon", StringComparison.Ordinal) ? ';' : ',').Count > 1);
        Assert.Equal(sqlite, postgres);
    }

    [DatabaseFact]
    public async Task The_search_miss_export_is_the_same_bytes_with_equally_frequent_queries_in_byte_order()
    {
        var (sqlite, postgres) = await DownloadFromBothAsync("/en/admin/search-misses.csv");

        var latvian = StrictCsv.Parse(Encoding.UTF8.GetString(sqlite, 3, sqlite.Length - 3)).Where(r => r[0] == "lv").Select(r => r[1]);
        Assert.Equal(MissedQueries.Order(StringComparer.Ordinal).Select(q => q.StartsWith('=') ? "'" + q : q), latvian);
        Assert.Equal(sqlite, postgres);
    }

    [DatabaseFact]
    public async Task The_survey_dashboard_shows_the_same_numbers_and_lists_in_the_same_order()
    {
        var sqlite = await portals.Sqlite.Admin.GetPageAsync("/en/admin");
        var postgres = await portals.Postgres.Admin.GetPageAsync("/en/admin");

        // Four articles tie on every measure, so only the report's own tie-break orders them.
        Assert.Equal(4, sqlite.QuerySelectorAll("#article-table tbody tr").Length);
        Assert.Equal(
            sqlite.QuerySelectorAll("main section").Select(s => s.OuterHtml),
            postgres.QuerySelectorAll("main section").Select(s => s.OuterHtml));
    }

    [DatabaseFact]
    public async Task Admin_list_orders_the_admins_by_the_bytes_of_their_addresses_on_both()
    {
        string[] emails = ["Zeta@example.eu", "ab@example.eu", "a-b@example.eu", "a_b@example.eu", "1st@example.eu"];
        foreach (var portal in new[] { portals.Sqlite, portals.Postgres })
        {
            foreach (var email in emails)
            {
                Assert.Equal(0, (await portal.Factory.RunCommandAsync(AdminSession.Password + "\n", "admin", "create", "--email", email)).ExitCode);
            }
        }

        var sqlite = await portals.Sqlite.Factory.RunCommandAsync(null, "admin", "list");
        var postgres = await portals.Postgres.Factory.RunCommandAsync(null, "admin", "list");

        var listed = sqlite.Output.Split('\n').Skip(1).Where(l => l.Contains('@', StringComparison.Ordinal)).Select(l => l.Split('\t')[0]);
        Assert.Equal(emails.Append("admin@example.eu").Order(StringComparer.Ordinal), listed);
        Assert.Equal(sqlite.Output, postgres.Output);
    }

    private async Task<(byte[] Sqlite, byte[] Postgres)> DownloadFromBothAsync(string url)
    {
        var sqlite = await portals.Sqlite.Admin.Client.GetAsync(url);
        var postgres = await portals.Postgres.Admin.Client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, sqlite.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, postgres.StatusCode);
        return (await sqlite.Content.ReadAsByteArrayAsync(), await postgres.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// Answers that are hard to keep identical: formula-like, Latvian, quoted and multi-line text, null beside empty,
    /// moments a tick either side of midnight UTC and given in other offsets, and several answers at one moment (so
    /// their ids decide the order). Every source article gets the same sequence of scores, so they tie in the report.
    /// </summary>
    internal static List<SurveyResponse> TrickyResponses()
    {
        string?[] comments =
        [
            null, "", " ", "=1+1", "+31 20 123", "-2+3", "@SUM(A1:A9)", "\t=cmd", "x;@SUM(1+1);y", "a,=1",
            "Ļoti \"labi\", paldies!\r\nOtrā rinda: ā č ē ģ ī ķ ļ ņ š ū ž", "ĀČĒĢĪĶĻŅŠŪŽ", "\"=1\"", "say \"hi\"",
            "line one\nline two\rline three\r\n", "Zeta", "ābols", "abols", "😀 👋🏽 a\u0304", "viens; divi, trīs",
        ];
        DateTimeOffset[] moments =
        [
            Midnight.AddTicks(-1), Midnight, Midnight, Midnight, Midnight.AddTicks(1), Midnight.AddSeconds(-1), Midnight.AddMilliseconds(999),
            new(2026, 10, 2, 2, 30, 0, TimeSpan.FromHours(3)), new(2026, 10, 1, 21, 0, 0, TimeSpan.FromHours(-3)),
            Midnight.AddDays(-1), Midnight.AddDays(1).AddTicks(-1), Midnight.AddDays(-2).AddHours(23.5),
        ];
        string?[] articles = ["forgotten-password", "activate-eid", "eqf", "cefr"];
        string[] found = ["yes", "partly", "no"];
        string?[] topics = ["eid", null, "eu-login-account", "other"];

        var random = new Random(2026);
        var responses = new List<SurveyResponse>();
        for (var i = 0; i < 60; i++)
        {
            var round = i / articles.Length;
            var id = new byte[16];
            random.NextBytes(id);
            responses.Add(new SurveyResponse
            {
                Id = new Guid(id),
                SubmittedAt = moments[i % moments.Length],
                Culture = i % 3 == 0 ? "en" : "lv",
                SourceArticle = i >= 56 ? null : articles[i % articles.Length],
                QuestionSet = SurveyQuestions.Version,
                Satisfaction = 1 + (round % 5),
                FoundAnswer = found[round % found.Length],
                Ease = 1 + (round * 2 % 5),
                Topic = topics[i % topics.Length],
                Comment = comments[i % comments.Length],
                CompletionSeconds = 20 + (i * 37 % 900),
            });
        }

        return responses;
    }

    /// <summary>Two portals with one signed-in admin each, on SQLite and on PostgreSQL, holding the same data.</summary>
    public sealed class Portals : IAsyncLifetime
    {
        public Portal Sqlite { get; } = new(TestDatabase.Sqlite);

        public Portal Postgres { get; } = new(TestDatabase.Postgres);

        public async Task InitializeAsync()
        {
            if (TestPostgres.SkipReason is not null)
            {
                return;
            }

            await Task.WhenAll(Sqlite.InitializeAsync(), Postgres.InitializeAsync());
            foreach (var portal in new[] { Sqlite, Postgres })
            {
                await portal.Factory.SeedAsync([.. TrickyResponses()]);
                await portal.Factory.WithDbAsync(db =>
                {
                    foreach (var (query, i) in MissedQueries.Select((q, i) => (q, i)))
                    {
                        // Each query is missed three times in all, over one or two days.
                        db.SearchMisses.Add(new SearchMiss { Culture = "lv", Day = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-(i % 3)), Query = query, Count = i % 2 == 0 ? 3 : 1 });
                        if (i % 2 == 1)
                        {
                            db.SearchMisses.Add(new SearchMiss { Culture = "lv", Day = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-5), Query = query, Count = 2 });
                        }
                    }

                    db.SearchMisses.Add(new SearchMiss { Culture = "en", Day = DateOnly.FromDateTime(Now.UtcDateTime), Query = "zzqx", Count = 3 });
                    return db.SaveChangesAsync();
                });
            }
        }

        public async Task DisposeAsync()
        {
            await Sqlite.DisposeAsync();
            await Postgres.DisposeAsync();
        }
    }

    /// <summary>A signed-in portal on a clock that stands still, so both give the same dates and default ranges.</summary>
    public sealed class Portal(TestDatabase database)
        : SignedInPortal(new PortalFactory { Database = database, PostgresLocale = "lv-LV", Time = new FakeTimeProvider(Now) });
}
