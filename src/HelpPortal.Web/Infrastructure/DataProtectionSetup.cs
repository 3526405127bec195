using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Infrastructure;

public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    /// <summary>The folder of the keys that protect antiforgery tokens, admin cookies and the survey's start stamp.</summary>
    public string KeysPath { get; set; } = "data/keys";
}

public static class DataProtectionSetup
{
    /// <summary>The antiforgery cookie of the survey, vote and admin forms: a session cookie.</summary>
    public const string AntiforgeryCookieName = "hp_antiforgery";

    /// <summary>
    /// Keys on disk (next to the database by default), so antiforgery tokens, admin cookies and the survey's start stamp
    /// stay valid across restarts; and the antiforgery cookie the survey and admin forms share.
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddOptions<DataProtectionSettings>().BindConfiguration(DataProtectionSettings.Section)
            .Validate(s => !string.IsNullOrWhiteSpace(s.KeysPath), "DataProtection:KeysPath must name a folder.")
            .ValidateOnStart();
        services.AddDataProtection().SetApplicationName("HelpPortal");

        // What PersistKeysToFileSystem does, with the folder taken from the bound settings and resolved like the others.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DataProtectionSettings>, PortalPaths, ILoggerFactory>((keys, settings, paths, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(paths.Resolve(settings.Value.KeysPath)), loggers));
        services.AddSingleton(new PortalCookie(AntiforgeryCookieName, "Cookies.Purpose.Antiforgery", [], AdminOnly: false));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
