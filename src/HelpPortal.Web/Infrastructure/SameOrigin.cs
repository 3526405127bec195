namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// Whether a POST came from the portal's own pages, by the browser's Sec-Fetch-Site or Origin header. Used instead of an
/// antiforgery token on forms that sit on cached pages shared by everyone (the survey prompt, "Was this helpful?"),
/// where a per-visitor token would make the page uncacheable.
/// </summary>
public static class SameOrigin
{
    public static bool IsSameOrigin(this HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none";
        }

        // Older browsers: Origin, when sent, must be this site. Without either header there is no browser context to forge.
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
