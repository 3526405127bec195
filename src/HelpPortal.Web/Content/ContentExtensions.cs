namespace HelpPortal.Web.Content;

public static class ContentExtensions
{
    public static IServiceCollection AddContentCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContentImportGate>();
        services.AddScoped<ContentImporter>();
        services.AddHostedService<CatalogueStartup>();
        if (configuration.GetValue<bool>($"{ContentOptions.Section}:{nameof(ContentOptions.WatchForChanges)}"))
        {
            services.AddHostedService<ContentWatcher>();
        }

        return services;
    }
}
