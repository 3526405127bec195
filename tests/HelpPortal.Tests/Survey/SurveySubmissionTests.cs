using System.Net;
using HelpPortal.Web.Survey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.Survey;

public abstract class SurveySubmissionTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    protected SurveySubmissionTests(TestDatabase database) => _factory = new PortalFactory { Time = _time, Database = database };

    public sealed class OnSqlite() : SurveySubmissionTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : SurveySubmissionTests(TestDatabase.Postgres), IRunsOnPostgres;

    [DatabaseFact]
    public async Task A_valid_submission_is_stored_exactly_once_with_every_field()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient(), "/lv/survey?from=forgotten-password");
        _time.Advance(TimeSpan.FromSeconds(95));

        var response = await form.PostValidAsync();

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/lv/survey/thanks?from=forgotten-password", response.Headers.Location?.OriginalString);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal("lv", stored.Culture);
        Assert.Equal("forgotten-password", stored.SourceArticle);
        Assert.Equal(SurveyQuestions.Version, stored.QuestionSet);
        Assert.Equal((4, "partly", 5, "eu-login-account", "Clearer steps, please."), (stored.Satisfaction, stored.FoundAnswer, stored.Ease, stored.Topic, stored.Comment));
        Assert.Equal(95, stored.CompletionSeconds);
        Assert.Equal(_time.GetUtcNow(), stored.SubmittedAt);
        Assert.Equal(TimeSpan.Zero, stored.SubmittedAt.Offset);
        Assert.NotEqual(Guid.Empty, stored.Id);
    }

    [DatabaseFact]
    public async Task Optional_answers_may_be_left_out()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());

        var response = await form.PostAsync([new("q1", "1"), new("q2", "no"), new("q3", "2"), new("q4", ""), new("q5", "")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = Assert.Single(await StoredAsync());
        Assert.Null(stored.Topic);
        Assert.Null(stored.Comment);
        Assert.Null(stored.SourceArticle);
    }

    [DatabaseFact]
    public async Task Latvian_text_with_quotes_commas_newlines_and_equals_signs_is_stored_verbatim()
    {
        const string text = "Ļoti \"labi\", paldies!\r\nOtrā rinda: a=b; ā č ē ģ ī ķ ļ ņ š ū ž — =SUM(A1)";
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient(), "/lv/survey");

        await form.PostAsync([new("q1", "5"), new("q2", "yes"), new("q3", "5"), new("q5", text)]);

        Assert.Equal(text, Assert.Single(await StoredAsync()).Comment);
    }

    [DatabaseTheory]
    [InlineData("😀")]
    [InlineData("👋🏽")]
    [InlineData("a\u0304")]
    [InlineData("\r\n")]
    public async Task An_answer_of_a_thousand_characters_as_people_count_them_is_accepted(string character)
    {
        var text = "x" + string.Concat(Enumerable.Repeat(character, 999));
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());

        var response = await form.PostAsync([new("q1", "5"), new("q2", "yes"), new("q3", "5"), new("q5", text)]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(text, Assert.Single(await StoredAsync()).Comment);
    }

    public static TheoryData<string, string[], string, string> InvalidSubmissions => new()
    {
        { "q1 missing", ["q2=yes", "q3=3"], "q1", "Please choose an answer to this question." },
        { "q2 missing", ["q1=3", "q3=3"], "q2", "Please choose an answer to this question." },
        { "q3 missing", ["q1=3", "q2=yes"], "q3", "Please choose an answer to this question." },
        { "q1 above the scale", ["q1=6", "q2=yes", "q3=3"], "q1", "Please choose one of the answers offered." },
        { "q1 below the scale", ["q1=0", "q2=yes", "q3=3"], "q1", "Please choose one of the answers offered." },
        { "q1 not a number", ["q1=three", "q2=yes", "q3=3"], "q1", "Please choose one of the answers offered." },
        { "q1 with spaces", ["q1= 3", "q2=yes", "q3=3"], "q1", "Please choose one of the answers offered." },
        { "q2 not in the set", ["q1=3", "q2=maybe", "q3=3"], "q2", "Please choose one of the answers offered." },
        { "q2 in the wrong case", ["q1=3", "q2=YES", "q3=3"], "q2", "Please choose one of the answers offered." },
        { "q3 out of range", ["q1=3", "q2=yes", "q3=9"], "q3", "Please choose one of the answers offered." },
        { "q4 not a topic", ["q1=3", "q2=yes", "q3=3", "q4=passports"], "q4", "Please choose one of the answers offered." },
        { "q5 too long", ["q1=3", "q2=yes", "q3=3", "q5=" + new string('ā', 1001)], "q5", "Please shorten your answer to 1,000 characters or fewer (it has 1001)." },
        { "q5 1,001 emoji", ["q1=3", "q2=yes", "q3=3", "q5=" + string.Concat(Enumerable.Repeat("😀", 1001))], "q5", "Please shorten your answer to 1,000 characters or fewer (it has 1001)." },
        { "q5 1,001 letters with a combining mark", ["q1=3", "q2=yes", "q3=3", "q5=" + string.Concat(Enumerable.Repeat("a\u0304", 1001))], "q5", "Please shorten your answer to 1,000 characters or fewer (it has 1001)." },
        { "q1 repeated", ["q1=3", "q1=5", "q2=yes", "q3=3"], "q1", "This answer was sent more than once. Please choose one answer." },
        { "q5 repeated", ["q1=3", "q2=yes", "q3=3", "q5=a", "q5=b"], "q5", "This answer was sent more than once. Please choose one answer." },
        { "an unknown answer", ["q1=3", "q2=yes", "q3=3", "q6=extra"], "form", "The form contained answers we do not know (q6)." },
        { "over-posted stored fields", ["q1=3", "q2=yes", "q3=3", "Id=00000000-0000-0000-0000-000000000001", "SubmittedAt=2020-01-01"], "form", "(Id, SubmittedAt)" },
    };

    [DatabaseTheory]
    [MemberData(nameof(InvalidSubmissions))]
    public async Task An_invalid_submission_is_refused_with_its_message_and_nothing_is_stored(string @case, string[] fields, string field, string message)
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());

        var response = await form.PostAsync(fields.Select(f => f.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1])));
        var page = await SurveyForm.ParseAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, @case);
        if (field == "form")
        {
            Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        else
        {
            // Beside the question the short message; the summary's entry names the question (tests below).
            Assert.NotNull(page.QuerySelector($".error-summary a[href^='#{field}']"));
            var error = page.QuerySelector($"#{field}-error")!;
            Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
            Assert.Contains(page.QuerySelectorAll($"[name={field}]"), control => (control.GetAttribute("aria-describedby") ?? "").Contains($"{field}-error", StringComparison.Ordinal));
        }

        Assert.Empty(await StoredAsync());
    }

    [DatabaseTheory]
    [InlineData("en", "Choose how satisfied you are with the help you found today", "Choose whether you found the answer you were looking for", "Choose how easy it was to find the information")]
    [InlineData("lv", "Norādiet, cik lielā mērā jūs apmierina šodien atrastā palīdzība", "Norādiet, vai atradāt meklēto atbildi", "Norādiet, cik viegli bija atrast informāciju")]
    public async Task Each_unanswered_question_is_named_in_the_error_summary_and_linked_to_its_first_answer(string culture, string q1, string q2, string q3)
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient(), $"/{culture}/survey");

        var page = await SurveyForm.ParseAsync(await form.PostAsync([]));

        var entries = page.QuerySelectorAll(".error-summary li a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([(q1, "#q1-1"), (q2, "#q2-yes"), (q3, "#q3-1")], entries);
    }

    [DatabaseTheory]
    [InlineData("en", "Question 5, “What could we do better?”: Please shorten your answer to 1,000 characters or fewer (it has 1001).")]
    [InlineData("lv", "5. jautājums „Ko mēs varētu darīt labāk?”: Lūdzu, saīsiniet atbildi līdz 1000 rakstzīmēm (tajā ir 1001).")]
    public async Task An_answer_that_breaks_a_rule_is_named_in_the_error_summary_by_its_question_and_linked_to_it(string culture, string entry)
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient(), $"/{culture}/survey");

        var page = await SurveyForm.ParseAsync(await form.PostAsync([new("q1", "3"), new("q2", "yes"), new("q3", "3"), new("q5", new string('ā', 1001))]));

        var link = Assert.Single(page.QuerySelectorAll(".error-summary li a"));
        Assert.Equal((entry, "#q5"), (link.TextContent, link.GetAttribute("href")));
    }

    [DatabaseTheory]
    [InlineData("en", "Error: Help us improve the help centre – Help centre")]
    [InlineData("lv", "Kļūda: Palīdziet mums uzlabot palīdzības centru – Palīdzības centrs")]
    public async Task A_refused_form_has_a_title_that_starts_with_error(string culture, string title)
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient(), $"/{culture}/survey");

        var page = await SurveyForm.ParseAsync(await form.PostAsync([new("q1", "3")]));

        Assert.Equal(title, page.Title);
    }

    [DatabaseFact]
    public async Task The_form_before_any_answer_has_its_plain_title()
    {
        var (_, page) = await _factory.CreatePlainClient().GetPageAsync("/en/survey");

        Assert.Equal("Help us improve the help centre – Help centre", page.Title);
    }

    [DatabaseFact]
    public async Task A_refused_form_comes_back_with_the_visitors_answers()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient(), "/lv/survey?from=forgotten-password");

        var response = await form.PostAsync([new("q1", "4"), new("q3", "2"), new("q4", "set-up-2fa"), new("q5", "Mans <b>teksts</b> & \"pēdiņas\"")]);
        var page = await SurveyForm.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("lv", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Lūdzu, izvēlieties atbildi uz šo jautājumu.", page.QuerySelector("#q2-error")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelector("#q1-4")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("#q3-2")!.HasAttribute("checked"));
        Assert.Equal("set-up-2fa", page.QuerySelector("#q4 option[selected]")!.GetAttribute("value"));
        Assert.Equal("Mans <b>teksts</b> & \"pēdiņas\"", page.QuerySelector("#q5")!.TextContent);
        Assert.Equal("forgotten-password", page.QuerySelector("input[name=from]")!.GetAttribute("value"));
        Assert.Equal("#q2-yes", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
    }

    [DatabaseFact]
    public async Task A_submission_without_an_antiforgery_token_is_refused_with_a_clear_message()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());

        var response = await form.PostAsync(SurveyForm.ValidAnswers, "__RequestVerificationToken");
        var page = await SurveyForm.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("We could not confirm that this form came from our page", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [DatabaseFact]
    public async Task A_submission_with_another_browsers_antiforgery_token_is_refused()
    {
        var victim = await SurveyForm.OpenAsync(_factory.CreatePlainClient());
        var attacker = await SurveyForm.OpenAsync(_factory.CreatePlainClient());
        var forged = victim.Hidden.Where(h => h.Key != "__RequestVerificationToken")
            .Append(new("__RequestVerificationToken", attacker.Hidden["__RequestVerificationToken"]))
            .Concat(SurveyForm.ValidAnswers);

        var response = await victim.Client.PostAsync(victim.Action, new FormUrlEncodedContent(forged));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [DatabaseFact]
    public async Task A_tampered_start_stamp_is_refused_as_an_expired_form()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());

        var response = await form.PostAsync(SurveyForm.ValidAnswers.Append(new("started", form.Hidden["started"][..^4] + "AAAA")), "started");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has expired", (await SurveyForm.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [DatabaseFact]
    public async Task A_form_older_than_a_day_is_refused_as_expired()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());
        _time.Advance(TimeSpan.FromDays(1.5));

        var response = await form.PostValidAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [DatabaseFact]
    public async Task A_filled_honeypot_is_answered_like_a_success_but_nothing_is_stored()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());

        var response = await form.PostAsync(SurveyForm.ValidAnswers.Append(new("website", "http://spam.example")), "website");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [DatabaseFact]
    public async Task An_oversized_submission_is_refused_with_413_and_nothing_is_stored()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient());

        var response = await form.PostAsync(SurveyForm.ValidAnswers.Where(a => a.Key != "q5").Append(new("q5", new string('x', 40_000))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [DatabaseFact]
    public async Task The_thank_you_page_leads_back_to_the_article_the_survey_started_from()
    {
        var (response, page) = await _factory.CreateClient().GetPageAsync("/lv/survey/thanks?from=forgotten-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Paldies par jūsu atsauksmi", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("/lv/articles/aizmirsta-parole", page.QuerySelector("main a.button")!.GetAttribute("href"));
    }

    [DatabaseFact]
    public async Task An_unknown_source_article_is_not_remembered()
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient(), "/en/survey?from=no-such-article");

        await form.PostValidAsync();

        Assert.Null(Assert.Single(await StoredAsync()).SourceArticle);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<List<SurveyResponse>> StoredAsync() => _factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().ToListAsync());
}
