using System.Net;
using System.Text;
using HelpPortal.Web.Survey;

namespace HelpPortal.Tests.SurveyReports;

/// <summary>
/// The export reads its rows straight from each database (no entities), in the order of the index that serves it:
/// oldest first, and responses given in the same second by id, on both providers alike.
/// </summary>
public abstract class SurveyExportOrderTests(SignedInPortal portal) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    public sealed class OnSqlite(SignedInPortal portal) : SurveyExportOrderTests(portal), IClassFixture<SignedInPortal>;

    public sealed class OnPostgres(PostgresSignedInPortal portal) : SurveyExportOrderTests(portal), IClassFixture<PostgresSignedInPortal>, IRunsOnPostgres;

    public Task InitializeAsync() => portal.ForgetSurveyResponsesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [DatabaseFact]
    public async Task Responses_of_the_same_second_follow_each_other_in_id_order_after_the_earlier_ones()
    {
        // Random ids, so that the order they were stored in says nothing about the order of their ids.
        var random = new Random(11);
        var stored = Enumerable.Range(0, 20).Select(_ => WithId(StoredResponses.Make(Start.AddMinutes(1)), RandomId(random))).ToList();
        await portal.Factory.SeedAsync([.. stored, StoredResponses.Make(Start.AddMinutes(2)), StoredResponses.Make(Start)]);

        var ids = (await ExportAsync()).Skip(1).Select(r => r[0]).ToList();

        Assert.Equal(22, ids.Count);
        Assert.Equal(stored.Select(r => r.Id.ToString("D")).Order(StringComparer.Ordinal), ids.Skip(1).Take(20));
    }

    [DatabaseFact]
    public async Task Thousands_of_responses_stream_through_in_order_each_once()
    {
        var stored = Enumerable.Range(0, 5000).Select(i => StoredResponses.Make(Start.AddSeconds(i * 17), q5: i % 3 == 0 ? $"=answer {i}; \"quoted\"\r\nline" : null)).ToArray();
        await portal.Factory.SeedAsync(stored);

        var records = await ExportAsync();

        Assert.Equal(stored.Select(r => r.Id.ToString("D")), records.Skip(1).Select(r => r[0]));
        Assert.Equal("'=answer 0; \"quoted\"\r\nline", records[1][9]);
    }

    private static Guid RandomId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static SurveyResponse WithId(Web.Survey.SurveyResponse response, Guid id) => new()
    {
        Id = id,
        SubmittedAt = response.SubmittedAt,
        Culture = response.Culture,
        SourceArticle = response.SourceArticle,
        QuestionSet = response.QuestionSet,
        Satisfaction = response.Satisfaction,
        FoundAnswer = response.FoundAnswer,
        Ease = response.Ease,
        Topic = response.Topic,
        Comment = response.Comment,
        CompletionSeconds = response.CompletionSeconds,
    };

    private async Task<List<string[]>> ExportAsync()
    {
        var response = await portal.Admin.Client.GetAsync("/en/admin/survey/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return StrictCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}
