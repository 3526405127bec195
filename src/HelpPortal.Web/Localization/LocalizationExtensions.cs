using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;

namespace HelpPortal.Web.Localization;

public static class LocalizationExtensions
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();

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
