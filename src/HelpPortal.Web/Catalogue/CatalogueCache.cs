using HelpPortal.Web.Survey;

namespace HelpPortal.Web.Catalogue;

public static class CatalogueCache
{
    /// <summary>Output cache policy of the public catalogue pages.</summary>
    public const string Policy = "Catalogue";

    /// <summary>Every cached catalogue page carries this tag; an import that changes content evicts it.</summary>
    public const string Tag = "catalogue";

    public static IServiceCollection AddCatalogueOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Tag(Tag)
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByRouteValue("culture")
            .VaryByValue(context => new("survey-prompt", SurveyPrompt.State(context.Request)))));
}
