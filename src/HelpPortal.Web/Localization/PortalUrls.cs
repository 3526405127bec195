namespace HelpPortal.Web.Localization;

/// <summary>
/// The one place that knows the public URL contract (/{culture}/, /{culture}/topics/{slug}, /{culture}/articles/{slug},
/// /{culture}/pages/{slug}).
/// The importer uses it for links inside articles and the views for everything else; the routes in
/// the catalogue controller must agree with it, and the routing tests hold them together.
/// </summary>
public static class PortalUrls
{
    public static string Home(string culture) => $"/{culture}/";

    public static string Topic(string culture, string slug) => $"/{culture}/topics/{Uri.EscapeDataString(slug)}";

    public static string Article(string culture, string slug) => $"/{culture}/articles/{Uri.EscapeDataString(slug)}";

    /// <summary>A page of content/{culture}/pages/ (privacy notice, cookies, accessibility statement).</summary>
    public static string Page(string culture, string slug) => $"/{culture}/pages/{Uri.EscapeDataString(slug)}";

    /// <param name="exact">The query as typed, without typo correction.</param>
    public static string Search(string culture, string? query, int page = 1, bool exact = false)
    {
        var url = $"/{culture}/search";
        if (!string.IsNullOrEmpty(query))
        {
            url += $"?q={Uri.EscapeDataString(query)}";
            if (page > 1)
            {
                url += $"&page={page}";
            }

            if (exact)
            {
                url += "&exact=1";
            }
        }

        return url;
    }

    /// <summary>Where search-suggest.js asks for titles while a visitor types (it adds ?q=…).</summary>
    public static string SearchSuggestions(string culture) => $"/{culture}/search/suggest";

    public static string Survey(string culture, string? fromArticle = null)
        => fromArticle is null ? $"/{culture}/survey" : $"/{culture}/survey?from={Uri.EscapeDataString(fromArticle)}";

    public static string SurveyThanks(string culture, string? fromArticle = null)
        => fromArticle is null ? $"/{culture}/survey/thanks" : $"/{culture}/survey/thanks?from={Uri.EscapeDataString(fromArticle)}";

    public static string Feedback(string culture) => $"/{culture}/feedback";

    public static string FeedbackThanks(string culture, string article, bool askReason)
        => $"/{culture}/feedback/thanks?article={Uri.EscapeDataString(article)}{(askReason ? "&ask=reason" : "")}";

    public static string DismissSurveyPrompt(string culture) => $"/{culture}/survey/dismiss";

    /// <summary>Switches language: remembers the choice in a cookie, then goes to <paramref name="returnUrl"/>.</summary>
    public static string SwitchLanguage(string culture, string returnUrl) => $"/language/{culture}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
