using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Survey;
using Microsoft.AspNetCore.OutputCaching;

namespace HelpPortal.Web.Catalogue;

public static class CatalogueCache
{
    /// <summary>Output cache policy of the public catalogue pages.</summary>
    public const string Policy = "Catalogue";

    /// <summary>Every cached catalogue page carries this tag; an import that changes content evicts it.</summary>
    public const string Tag = "catalogue";

    /// <remarks>
    /// Catalogue pages take no query parameters, so none varies the cache: otherwise every <c>?v=1</c>, <c>?v=2</c>, …
    /// would render and store another copy. With <c>Portal:PublicOrigin</c> set the pages do not depend on the Host
    /// header either, so it does not vary the cache; without it, the absolute links in each page come from the Host.
    /// </remarks>
    public static IServiceCollection AddCatalogueOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<PublicOrigin>((options, origin) => options.AddPolicy(Policy, policy => policy
            .Tag(Tag)
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery([])
            .SetVaryByHost(!origin.IsConfigured)
            .SetVaryByRouteValue("culture")
            .VaryByValue(context => new("survey-prompt", SurveyPrompt.State(context.Request)))));
        return services;
    }
}
