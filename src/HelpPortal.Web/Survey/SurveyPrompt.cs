using HelpPortal.Web.Infrastructure;

namespace HelpPortal.Web.Survey;

/// <summary>The prompt's model: the page's language, and the article a survey started from it remembers.</summary>
public sealed record SurveyPromptView(string Culture, string? SourceArticle);

/// <summary>
/// Whether this browser should see the "quick survey" prompt, kept in one small cookie. The prompt is on article pages
/// (after "Was this helpful?") and on the page after a vote; cached catalogue pages vary by <see cref="State"/>, so each
/// has at most two cached versions (prompt shown / hidden) and stays cacheable.
/// </summary>
public static class SurveyPrompt
{
    public const string CookieName = "hp_survey";
    public const string Dismissed = "dismissed";
    public const string Completed = "completed";

    public static string State(HttpRequest request)
        => request.Cookies[CookieName] is Dismissed or Completed ? "hidden" : "shown";

    public static bool IsShown(HttpRequest request) => State(request) == "shown";

    public static void Remember(HttpResponse response, string value, TimeSpan lifetime)
        => response.Cookies.Append(CookieName, value, PortalCookies.Essential(response.HttpContext.Request, lifetime));
}
