namespace HelpPortal.Web.Search;

public static class SearchExtensions
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SearchVocabulary>();
        services.AddScoped<ArticleSearch>();
        services.AddScoped<ArticleSuggestions>();
        services.AddScoped<SearchMissLog>();
        return services;
    }
}
