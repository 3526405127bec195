using HelpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace HelpPortal.Web.Survey;

public static class SurveyExtensions
{
    public static IServiceCollection AddSurvey(this IServiceCollection services, IConfiguration configuration, PortalPaths paths)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // One writer for the whole process: registered once, reachable both as a service and as the hosted loop.
        services.AddSingleton<SurveyWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<SurveyWriter>());
        services.AddPortalRateLimiting(configuration);

        // The form's start stamp is data-protected; keys on disk keep forms valid across restarts.
        services.AddDataProtection()
            .SetApplicationName("HelpPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(paths.Resolve(configuration["DataProtection:KeysPath"] ?? "data/keys")));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "hp_antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
