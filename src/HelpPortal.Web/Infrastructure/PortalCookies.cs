namespace HelpPortal.Web.Infrastructure;

/// <summary>The options of the portal's own cookies: the survey prompt's state, the voter id, the chosen language.</summary>
public static class PortalCookies
{
    /// <summary>
    /// A cookie that keeps a visitor's choice for <paramref name="lifetime"/>: out of scripts' reach, Secure over HTTPS,
    /// sent when following a link from another site (Lax) so the choice holds there too, and essential — it does only
    /// what the visitor asked for, so no consent setting may drop it.
    /// </summary>
    public static CookieOptions Essential(HttpRequest request, TimeSpan lifetime) => new()
    {
        MaxAge = lifetime,
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
    };
}
