using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace HelpPortal.Tests.Infrastructure;

/// <summary>
/// Two portals on one PostgreSQL database, each with its own keys folder, as two instances behind a load balancer:
/// one browser whose requests alternate between them. Whatever a page from one instance carries (antiforgery token,
/// the survey's start stamp, the admin cookie, a used authenticator code) must mean the same to the other
/// (docs/decisions/0004).
/// </summary>
public sealed class SharedStateAcrossInstancesTests : IRunsOnPostgres, IDisposable
{
    private readonly PortalFactory _first = new() { Database = TestDatabase.Postgres };
    private readonly PortalFactory _second;
    private readonly CookieContainer _cookies = new();

    public SharedStateAcrossInstancesTests()
        => _second = new PortalFactory { Database = TestDatabase.Postgres, SharedDatabaseOf = _first };

    [DatabaseFact]
    public async Task A_survey_form_served_by_one_instance_is_accepted_by_the_other()
    {
        var form = await SurveyForm.OpenAsync(Browser(_first));
        var fields = form.Hidden.Concat(SurveyForm.ValidAnswers).ToList();

        var response = await Browser(_second).PostAsync(form.Action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(1, await _first.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [DatabaseFact]
    public async Task An_admin_signs_in_and_exports_with_every_step_on_the_other_instance_and_a_used_code_is_refused_by_both()
    {
        var (exitCode, _, error) = await _first.RunCommandAsync(AdminSession.Password + "\n", "admin", "create", "--email", "admin@example.eu");
        Assert.True(exitCode == 0, error);

        // Password on the second instance, with the form of the first.
        var signIn = await PostAsync(_first, _second, "/en/admin/login", [new("Email", "admin@example.eu"), new("Password", AdminSession.Password)]);
        Assert.Equal("/en/admin/enrol", signIn.Headers.Location?.OriginalString);

        // Enrolment page from the second, the code posted to the first.
        var enrolPage = await Html.ParseAsync(await Browser(_second).GetAsync("/en/admin/enrol"));
        var key = enrolPage.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);
        var enrolled = await PostAsync(_second, _first, "/en/admin/enrol", [new("Code", code)]);
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);

        // The session cookie the first instance issued opens the second's reports and export.
        Assert.Equal(HttpStatusCode.OK, (await Browser(_second).GetAsync("/en/admin")).StatusCode);
        var export = await Browser(_second).GetAsync("/en/admin/survey/export.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", export.Content.Headers.ContentType?.ToString());

        // A fresh browser signs in again with the code already used at enrolment: refused by whichever instance gets it.
        _cookies.GetAllCookies().ToList().ForEach(c => c.Expired = true);
        var again = await PostAsync(_second, _first, "/en/admin/login", [new("Email", "admin@example.eu"), new("Password", AdminSession.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var replayed = await PostAsync(_first, _second, "/en/admin/login/code", [new("Code", code)]);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
    }

    /// <summary>A client of <paramref name="portal"/> that shares this test's cookies, like one browser.</summary>
    private HttpClient Browser(PortalFactory portal)
        => portal.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(_cookies));

    /// <summary>Fetches the form's page from one instance and posts it to the other.</summary>
    private async Task<HttpResponseMessage> PostAsync(PortalFactory page, PortalFactory post, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var document = await Html.ParseAsync(await Browser(page).GetAsync(url));
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return await Browser(post).PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
