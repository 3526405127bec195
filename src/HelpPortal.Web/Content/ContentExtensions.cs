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
        services.AddScoped<ContentImporter>();
        services.AddHostedService<CatalogueStartup>();
        services.AddHostedService<ContentWatcher>();
        return services;
    }

    /// <summary><c>content check</c>: prints every problem in the content folder; exit code 1 when there is an error.</summary>
    public static int RunContentCheck(this IServiceProvider services, TextWriter output)
    {
        var folder = services.GetRequiredService<PortalPaths>().Resolve(services.GetRequiredService<IOptions<ContentOptions>>().Value.Path);
        var content = new ContentReader().Read(folder);
        foreach (var problem in content.Problems)
        {
            output.WriteLine(problem);
        }

        var topics = content.Topics?.Count ?? 0;
        output.WriteLine($"{folder}: {topics} topics, {content.Articles.Count} article files load; {content.ErrorCount} errors, {content.WarningCount} warnings.");
        return content.ErrorCount > 0 ? 1 : 0;
    }
}
