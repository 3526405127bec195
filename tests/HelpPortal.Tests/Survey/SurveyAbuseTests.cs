using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Survey;

public abstract class SurveyAbuseTests(TestDatabase database)
{
    public sealed class OnSqlite() : SurveyAbuseTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : SurveyAbuseTests(TestDatabase.Postgres), IRunsOnPostgres;

    [DatabaseFact]
    public async Task Too_many_submissions_from_one_client_get_429_with_retry_after()
    {
        using var factory = new PortalFactory { Database = database, Settings = { ["RateLimiting:SurveyPermitLimit"] = "2", ["RateLimiting:SurveyWindow"] = "00:10:00" } };
        var form = await SurveyForm.OpenAsync(factory.CreatePlainClient(), "/lv/survey");

        var first = await form.PostValidAsync();
        var second = await form.PostValidAsync();
        var third = await form.PostValidAsync();
        var page = await SurveyForm.ParseAsync(third);

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], [first.StatusCode, second.StatusCode]);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.InRange(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal("Pārāk daudz mēģinājumu", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(2, await factory.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [DatabaseFact]
    public async Task Rate_limiting_can_be_switched_off_for_load_tests()
    {
        using var factory = new PortalFactory { Database = database, Settings = { ["RateLimiting:Enabled"] = "false", ["RateLimiting:SurveyPermitLimit"] = "1" } };
        var form = await SurveyForm.OpenAsync(factory.CreatePlainClient());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await form.PostValidAsync()).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.SeeOther, s));
    }

    [DatabaseFact]
    public async Task Five_hundred_submissions_from_fifty_parallel_clients_are_all_stored_without_errors()
    {
        using var factory = new PortalFactory { Database = database, Settings = { ["RateLimiting:Enabled"] = "false" } };
        var forms = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => SurveyForm.OpenAsync(factory.CreatePlainClient(), i % 2 == 0 ? "/en/survey" : "/lv/survey")));

        var statuses = await Task.WhenAll(forms.Select(async form =>
        {
            var results = new List<HttpStatusCode>();
            for (var i = 0; i < 10; i++)
            {
                results.Add((await form.PostValidAsync()).StatusCode);
            }

            return results;
        }));

        var all = statuses.SelectMany(s => s).ToList();
        Assert.Equal(500, all.Count(s => s == HttpStatusCode.SeeOther));
        Assert.Equal(500, await factory.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(500, await factory.WithDbAsync(db => db.SurveyResponses.Select(r => r.Id).Distinct().CountAsync()));
    }
}
