using System.Net;
using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.Survey;

/// <summary>
/// The survey checks each answer's topic and source article against the catalogue as last imported (keys kept in
/// memory, not read per submission): an import that changes the catalogue changes what the next submission may name,
/// and nothing else makes them read again.
/// </summary>
public abstract class SurveyCatalogueChangeTests : IDisposable
{
    public sealed class OnSqlite() : SurveyCatalogueChangeTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : SurveyCatalogueChangeTests(TestDatabase.Postgres), IRunsOnPostgres;

    private readonly TestContent _content = new();
    private readonly TestDatabase _database;
    private readonly PortalFactory _factory;

    protected SurveyCatalogueChangeTests(TestDatabase database)
    {
        _database = database;
        _factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };
    }

    [DatabaseFact]
    public async Task A_topic_added_by_an_import_is_accepted_by_the_next_submission()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());
        Assert.Equal(HttpStatusCode.BadRequest, (await form.PostAsync(AnswersWithTopic("new-topic"))).StatusCode);
        _content.Write("topics.yml", _content.Read("topics.yml") + NewTopic);

        Assert.Equal(1, (await _factory.ImportAsync()).Updated); // topics.yml, the one file that changed

        Assert.Equal(HttpStatusCode.SeeOther, (await form.PostAsync(AnswersWithTopic("new-topic"))).StatusCode);
        Assert.Equal(["new-topic"], await _factory.WithDbAsync(db => db.SurveyResponses.Select(r => r.Topic).ToListAsync()));
    }

    [DatabaseFact]
    public async Task An_article_added_by_an_import_is_recorded_as_the_source_of_the_next_answer()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());
        await form.PostAsync([new("from", "new-question"), .. SurveyForm.ValidAnswers], "from");
        _content.WriteArticle("en/set-up-2fa/new-question.md", "A new answer.", ("key", "new-question"), ("title", "A new question?"), ("topic", "set-up-2fa"), ("order", "3"));

        Assert.Equal(1, (await _factory.ImportAsync()).Added);

        Assert.Equal(HttpStatusCode.SeeOther, (await form.PostAsync([new("from", "new-question"), .. SurveyForm.ValidAnswers], "from")).StatusCode);
        Assert.Equal(
            [null, "new-question"],
            await _factory.WithDbAsync(db => db.SurveyResponses.OrderBy(r => r.SubmittedAt).Select(r => r.SourceArticle).ToListAsync()));
    }

    [DatabaseFact]
    public async Task A_topic_that_reaches_the_database_without_an_import_stays_unknown_however_much_time_passes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero));
        using var factory = new PortalFactory { ContentFolder = _content.Folder, Database = _database, Time = time };
        var form = await SurveyForm.OpenAsync(factory.CreatePlainClient());
        Assert.Equal(HttpStatusCode.BadRequest, (await form.PostAsync(AnswersWithTopic("new-topic"))).StatusCode); // the keys read
        await factory.WithDbAsync(db =>
        {
            db.Topics.Add(new Topic { Key = "new-topic", SortOrder = 9 });
            return db.SaveChangesAsync();
        });

        time.Advance(TimeSpan.FromHours(1)); // Many poll intervals: the poller looks, and finds no import.

        Assert.Equal(HttpStatusCode.BadRequest, (await form.PostAsync(AnswersWithTopic("new-topic"))).StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A topic with no articles yet, appended to topics.yml.</summary>
    internal const string NewTopic = """

        - key: new-topic
          order: 9
          en:
            slug: new-topic
            name: A new topic
            description: Not yet in the catalogue.
          lv:
            slug: jauna-tema
            name: Jauna tēma
            description: Vēl nav katalogā.

        """;

    internal static IEnumerable<KeyValuePair<string, string>> AnswersWithTopic(string topic)
        => SurveyForm.ValidAnswers.Select(a => a.Key == "q4" ? new(a.Key, topic) : a);
}
