using Microsoft.AspNetCore.DataProtection;

namespace HelpPortal.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys on disk (next to the database by default), so antiforgery tokens, admin cookies and the survey's start stamp
    /// stay valid across restarts; and the antiforgery cookie the survey and admin forms share.
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, PortalPaths paths)
    {
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
