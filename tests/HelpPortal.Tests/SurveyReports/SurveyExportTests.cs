using System.Globalization;
using System.Net;
using System.Text;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.SurveyReports;
using HelpPortal.Web.Survey;

namespace HelpPortal.Tests.SurveyReports;

public abstract class SurveyExportTests(SignedInPortal portal) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly PortalFactory _factory = portal.Factory;
    private readonly AdminSession _admin = portal.Admin;

    public sealed class OnSqlite(SignedInPortal portal) : SurveyExportTests(portal), IClassFixture<SignedInPortal>;

    public sealed class OnPostgres(PostgresSignedInPortal portal) : SurveyExportTests(portal), IClassFixture<PostgresSignedInPortal>, IRunsOnPostgres;

    // The tests share one portal and admin; each starts from no responses, so it exports only what it stored.
    public Task InitializeAsync() => portal.ForgetSurveyResponsesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [DatabaseFact]
    public async Task A_thousand_random_responses_round_trip_through_a_strict_rfc4180_parser()
    {
        var stored = RandomResponses(1000, seed: 4180);
        await SeedAsync(stored);

        var (_, text) = await ExportAsync("/en/admin/survey/export.csv");
        var records = StrictCsv.Parse(text);

        Assert.Equal([.. SurveyCsv.Columns], records[0]);
        Assert.Equal(1000, records.Count - 1);
        var byId = stored.ToDictionary(r => r.Id.ToString("D"));
        foreach (var record in records.Skip(1))
        {
            var expected = byId[record[0]];
            Assert.Equal(expected.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), record[1]);
            Assert.Equal(expected.Culture, record[2]);
            Assert.Equal(expected.SourceArticle ?? "", record[3]);
            Assert.Equal(expected.QuestionSet, record[4]);
            Assert.Equal(expected.Satisfaction.ToString(CultureInfo.InvariantCulture), record[5]);
            Assert.Equal(expected.FoundAnswer, record[6]);
            Assert.Equal(expected.Ease.ToString(CultureInfo.InvariantCulture), record[7]);
            Assert.Equal(expected.Topic ?? "", record[8]);
            Assert.Equal(Expected(expected.Comment ?? ""), record[9]);
            Assert.Equal(expected.CompletionSeconds.ToString(CultureInfo.InvariantCulture), record[10]);
        }
    }

    [DatabaseTheory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 20 123", "'+31 20 123")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=cmd", "'\t'=cmd")]
    [InlineData("\r\n=cmd", "'\r\n'=cmd")]
    [InlineData("\n=cmd", "'\n'=cmd")]
    [InlineData("   =HYPERLINK(\"http://evil.example\",\"click\")", "'   =HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData(" @x", "' @x")]
    [InlineData("\"=1\"", "'\"=1\"")]
    public async Task A_formula_like_answer_is_neutralised_with_a_leading_apostrophe(string answer, string expected)
    {
        await SeedAsync([Response(Start, q5: answer)]);

        var (_, text) = await ExportAsync("/en/admin/survey/export.csv");

        Assert.Equal(expected, StrictCsv.Parse(text)[1][9]);
    }

    [DatabaseTheory]
    [InlineData("x;@SUM(1+1);y", "x;'@SUM(1+1);y")]
    [InlineData("a,=1", "a,'=1")]
    [InlineData("a, +1", "a,' +1")]
    [InlineData("a\t-2", "a\t'-2")]
    [InlineData("x;\t=cmd", "x;'\t'=cmd")]
    [InlineData("a;\"=1", "a;'\"=1")]
    [InlineData("=1;=2", "'=1;'=2")]
    [InlineData("first line\r\n@second", "first line\r\n'@second")]
    [InlineData("viens; divi, trīs", "viens; divi, trīs")]
    public async Task A_formula_after_any_separator_is_neutralised_and_reads_back_as_answered_apart_from_the_marks(string answer, string expected)
    {
        await SeedAsync([Response(Start, q5: answer)]);

        foreach (var (delimiter, separator) in new[] { ("comma", ','), ("semicolon", ';') })
        {
            var (_, text) = await ExportAsync("/en/admin/survey/export.csv?delimiter=" + delimiter);
            var cell = StrictCsv.Parse(text, separator)[1][9];

            Assert.Equal(expected, cell);
            Assert.Equal(answer, cell.Replace("'", "", StringComparison.Ordinal));
            Assert.Contains($"{separator}\"{expected.Replace("\"", "\"\"", StringComparison.Ordinal)}\"{separator}", text, StringComparison.Ordinal);
        }
    }

    [DatabaseTheory]
    [InlineData("comma", ',')]
    [InlineData("comma", ';')]
    [InlineData("comma", '\t')]
    [InlineData("semicolon", ',')]
    [InlineData("semicolon", ';')]
    [InlineData("semicolon", '\t')]
    public async Task Whichever_separator_a_spreadsheet_splits_on_no_cell_it_sees_starts_like_a_formula(string delimiter, char splitOn)
    {
        string[] answers = ["x;@SUM(1+1);y", "a,=1", "a\t-2", "x;\t=cmd", "a; ;=b", ",=", ";;=;", "a;\"=1", "\"=\"", "1,2;3\t4", "line\r\n+1", " ;\t@"];
        await SeedAsync([.. answers.Select((answer, i) => Response(Start.AddSeconds(i), q5: answer)), .. RandomResponses(300, seed: 59)]);

        var (_, text) = await ExportAsync("/en/admin/survey/export.csv?headers=localized&delimiter=" + delimiter);

        // A spreadsheet that ignores quotes sees lines, then cells between separators.
        var cells = text.Split(['\r', '\n']).SelectMany(line => line.Split(splitOn)).ToList();
        Assert.True(cells.Count > 300);
        Assert.All(cells, cell => Assert.False(cell.TrimStart(' ', '"') is [ '=' or '+' or '-' or '@' or '\t', ..], $"A cell starts like a formula: {cell}"));
    }

    [DatabaseTheory]
    [InlineData("a=b")]
    [InlineData("1-2")]
    [InlineData("e-pasts")]
    [InlineData("Ļoti labi, \"paldies\"")]
    public async Task Text_that_is_not_a_formula_is_exported_unchanged(string answer)
    {
        await SeedAsync([Response(Start, q5: answer)]);

        var (_, text) = await ExportAsync("/en/admin/survey/export.csv");

        Assert.Equal(answer, StrictCsv.Parse(text)[1][9]);
    }

    [DatabaseFact]
    public async Task The_export_is_utf8_with_a_bom_crlf_lines_and_download_headers()
    {
        await SeedAsync([Response(Start, q5: "Ļoti labi: ā č ē ģ ī ķ ļ ņ š ū ž")]);

        var response = await _admin.Client.GetAsync("/en/admin/survey/export.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^""?survey-responses-\d{4}-\d{2}-\d{2}\.csv""?$", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("response_id,submitted_at_utc,culture,source_article,question_set,q1,q2,q3,q4,q5,completion_seconds\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Ļoti labi: ā č ē ģ ī ķ ļ ņ š ū ž", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Semicolons_and_localized_headers_suit_excel_with_latvian_settings()
    {
        await SeedAsync([Response(Start, q5: "viens; divi, trīs")]);

        var (_, text) = await ExportAsync("/lv/admin/survey/export.csv?delimiter=semicolon&headers=localized");
        var records = StrictCsv.Parse(text, ';');

        Assert.Equal("Atbildes ID", records[0][0]);
        Assert.Equal("Cik lielā mērā jūs kopumā apmierina šodien atrastā palīdzība?", records[0][5]);
        Assert.Equal("viens; divi, trīs", records[1][9]);
        Assert.Contains("\"viens; divi, trīs\"", text, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [InlineData("", 4)]
    [InlineData("?from=2026-10-02", 3)]
    [InlineData("?to=2026-10-01", 1)]
    [InlineData("?from=2026-10-02&to=2026-10-03", 2)]
    [InlineData("?culture=lv", 2)]
    [InlineData("?article=forgotten-password", 2)]
    [InlineData("?topic=signing-in", 2)]
    [InlineData("?topic=set-up-2fa", 1)]
    [InlineData("?culture=lv&article=forgotten-password", 1)]
    public async Task The_export_takes_the_reports_filters(string query, int rows)
    {
        await SeedAsync(
        [
            Response(Start, culture: "en", article: "forgotten-password"),
            Response(Start.AddDays(1), culture: "lv", article: "forgotten-password"),
            Response(Start.AddDays(2), culture: "lv", article: "activate-eid"),
            Response(Start.AddDays(3), culture: "en", article: null),
        ]);

        var (_, text) = await ExportAsync("/en/admin/survey/export.csv" + query);

        Assert.Equal(rows, StrictCsv.Parse(text).Count - 1);
    }

    [DatabaseTheory]
    [InlineData("?from=01.10.2026", "'from' must be a date written as YYYY-MM-DD")]
    [InlineData("?from=2026-10-05&to=2026-10-01", "is after 'to'")]
    [InlineData("?culture=de", "'culture' must be en or lv")]
    [InlineData("?delimiter=pipe", "'delimiter' must be comma or semicolon")]
    [InlineData("?headers=fancy", "'headers' must be codes or localized")]
    public async Task A_bad_filter_is_refused_with_a_clear_message(string query, string message)
    {
        var response = await _admin.Client.GetAsync("/en/admin/survey/export.csv" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task The_command_line_export_writes_the_same_csv_as_the_download()
    {
        await SeedAsync(RandomResponses(50, seed: 7));
        var (_, download) = await ExportAsync("/en/admin/survey/export.csv?delimiter=semicolon&culture=lv");
        var file = Path.Combine(Path.GetTempPath(), $"helpportal-export-{Guid.NewGuid():N}.csv");

        var result = await PortalProcess.RunAsync(
            CommandLineDatabase.Of(_factory, Path.Combine(Path.GetTempPath(), "helpportal-export-keys")),
            null,
            "survey", "export", "--out", file, "--delimiter", "semicolon", "--culture", "lv");

        try
        {
            Assert.Equal(0, result.ExitCode);
            var written = await File.ReadAllBytesAsync(file);
            Assert.Equal([0xEF, 0xBB, 0xBF], written[..3]);
            Assert.Equal(download, Encoding.UTF8.GetString(written, 3, written.Length - 3));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Expected(string value) => CsvExport.Neutralize(value);

    private static SurveyResponse Response(DateTimeOffset at, string culture = "en", string? article = "forgotten-password", string? q5 = null)
        => StoredResponses.Make(at, culture: culture, article: article, q5: q5);

    internal static List<SurveyResponse> RandomResponses(int count, int seed)
    {
        const string alphabet = "abcdefghijklmnop ĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž\"\",;'=+-@\t\r\n\r\n0123456789 ";
        var random = new Random(seed);
        string Text(int max)
        {
            var length = random.Next(0, max);
            return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        }

        string[] articles = ["forgotten-password", "activate-eid", "eqf", "cefr"];
        string[] q2 = ["yes", "partly", "no"];
        string[] q4 = ["eid", "eu-login-account", "other"];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var at = Start.AddMinutes(i * 7 + random.Next(7));
            return new SurveyResponse
            {
                Id = Guid.CreateVersion7(at),
                SubmittedAt = at,
                Culture = random.Next(2) == 0 ? "en" : "lv",
                SourceArticle = random.Next(5) == 0 ? null : articles[random.Next(articles.Length)],
                QuestionSet = SurveyQuestions.Version,
                Satisfaction = random.Next(1, 6),
                FoundAnswer = q2[random.Next(3)],
                Ease = random.Next(1, 6),
                Topic = random.Next(3) == 0 ? null : q4[random.Next(q4.Length)],
                Comment = random.Next(3) == 0 ? null : Text(200),
                CompletionSeconds = random.Next(20, 900),
            };
        })];
    }

    private Task<int> SeedAsync(IEnumerable<SurveyResponse> responses) => _factory.SeedAsync([.. responses]);

    private async Task<(HttpResponseMessage Response, string Text)> ExportAsync(string url)
    {
        var response = await _admin.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return (response, Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}
