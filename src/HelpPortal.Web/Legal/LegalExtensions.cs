namespace HelpPortal.Web.Legal;

public static class LegalExtensions
{
    public static IServiceCollection AddLegalPages(this IServiceCollection services)
    {
        services.AddSingleton<CookieCatalogue>();
        return services;
    }
}
