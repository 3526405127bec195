using System.Text.Encodings.Web;
using System.Text.Unicode;
using HelpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace HelpPortal.Web.Localization;

public static class LocalizationExtensions
{
    /// <summary>How long the language choice is remembered (the cookies page states it from here).</summary>
    public static readonly TimeSpan LanguageCookieLifetime = TimeSpan.FromDays(365);

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton(new PortalCookie(CookieRequestCultureProvider.DefaultCookieName, "Cookies.Purpose.Language", [LanguageCookieLifetime], AdminOnly: false));

        // Latvian letters are written as characters, not entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RouteOptions>(options => options.ConstraintMap[CultureRouteConstraint.Name] = typeof(CultureRouteConstraint));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = PortalCultures.All.Select(PortalCultures.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;

            // The URL decides; the cookie and Accept-Language only matter where the URL has no language (/ and unknown paths).
            options.RequestCultureProviders =
            [
                new PathCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
