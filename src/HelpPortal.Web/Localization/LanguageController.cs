using HelpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HelpPortal.Web.Localization;

/// <summary>
/// The language switcher's target: remembers the choice in a cookie and goes on to the page in that language.
/// Setting the cookie here, and not on every page, keeps the public pages free of Set-Cookie and so cacheable.
/// </summary>
public sealed class LanguageController : Controller
{
    [HttpGet("/")]
    public IActionResult Root()
    {
        // The localization middleware has already weighed the cookie, then Accept-Language, then the default.
        var culture = HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName;
        Response.Headers.Vary = "Cookie, Accept-Language";
        Response.Headers.CacheControl = "no-store";
        return Redirect(PortalUrls.Home(PortalCultures.IsSupported(culture) ? culture! : PortalCultures.Default));
    }

    [HttpGet("/language/{culture:culture}")]
    public IActionResult Switch(string culture, string? returnUrl)
    {
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            PortalCookies.Essential(Request, LocalizationExtensions.LanguageCookieLifetime));
        Response.Headers.CacheControl = "no-store";

        // Only a page of the chosen language on this site: anything else (another host, //evil) goes to that language's home.
        var target = Url.SafeReturnUrl(returnUrl, PortalUrls.Home(culture));
        return LocalRedirect(target);
    }
}
