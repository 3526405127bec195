using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Content;

public static class ContentExtensions
{
    public static IServiceCollection AddContentCatalogue(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The content folder and the database file resolve from one base folder, wherever the portal is started from.
        services.AddSingleton(provider => PortalPaths.Discover(
            provider.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            provider.GetRequiredService<IOptions<ContentOptions>>().Value.Path));
        services.AddSingleton<ContentImportGate>();

        // Moved by the importer and the change poller; followed by every cache of catalogue state (the keys the survey
        // checks answers against among them).
        services.AddSingleton<CatalogueVersion>();
        services.AddSingleton<CatalogueKeys>();
        services.AddScoped<ContentImporter>();
        services.AddSingleton<CatalogueReadiness>();
        services.AddSingleton<CatalogueChangePoller>();
        services.AddSingleton<CatalogueStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<CatalogueStartup>());
        services.AddHostedService<ContentWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<CatalogueChangePoller>());
        return services;
    }
}
