using AngleSharp.Dom;

namespace HelpPortal.Tests.Support;

/// <summary>A visitor's browser on the survey: fetches the form (cookie, antiforgery token, start stamp) and posts it.</summary>
public sealed class SurveyForm
{
    private SurveyForm(HttpClient client, string action, IReadOnlyDictionary<string, string> hidden)
    {
        Client = client;
        Action = action;
        Hidden = hidden;
    }

    public HttpClient Client { get; }

    public string Action { get; }

    /// <summary>The hidden fields the page carried: __RequestVerificationToken, from, started.</summary>
    public IReadOnlyDictionary<string, string> Hidden { get; }

    public static IReadOnlyList<KeyValuePair<string, string>> ValidAnswers { get; } =
    [
        new("q1", "4"), new("q2", "partly"), new("q3", "5"), new("q4", "eu-login-account"), new("q5", "Clearer steps, please."),
    ];

    public static async Task<SurveyForm> OpenAsync(HttpClient client, string url = "/en/survey")
    {
        var (response, page) = await client.GetPageAsync(url);
        response.EnsureSuccessStatusCode();
        var form = page.QuerySelector("form#survey-form")!;
        var hidden = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        return new SurveyForm(client, form.GetAttribute("action")!, hidden);
    }

    /// <summary>Posts the hidden fields (minus <paramref name="without"/>) and the given answers, exactly as listed.</summary>
    public Task<HttpResponseMessage> PostAsync(IEnumerable<KeyValuePair<string, string>> answers, params string[] without)
    {
        var fields = Hidden.Where(h => !without.Contains(h.Key)).Concat(answers).ToList();
        return Client.PostAsync(Action, new FormUrlEncodedContent(fields));
    }

    public Task<HttpResponseMessage> PostValidAsync() => PostAsync(ValidAnswers);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) => await Html.ParseAsync(response);
}
