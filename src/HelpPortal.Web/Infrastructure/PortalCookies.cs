namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// One cookie the portal sets: its name, what it is for (a resource key, formatted with <paramref name="PurposeArguments"/>),
/// how long it lasts, and whether only administrators ever receive it. The feature that sets a cookie registers its
/// entry as a singleton beside the code that sets it; the cookies page lists them all.
/// </summary>
/// <param name="Lifetimes">The Max-Age values it is set with; empty for a session cookie (gone when the browser closes).</param>
public sealed record PortalCookie(string Name, string PurposeKey, IReadOnlyList<TimeSpan> Lifetimes, bool AdminOnly, params object[] PurposeArguments);

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
