using System.Globalization;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Survey;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace HelpPortal.Web.Catalogue;

public static class CatalogueCache
{
    /// <summary>Output cache policy of the public catalogue pages.</summary>
    public const string Policy = "Catalogue";

    /// <summary>Every cached catalogue page carries this tag; a change of the catalogue evicts it.</summary>
    public const string Tag = "catalogue";

    /// <remarks>
    /// Catalogue pages take no query parameters, so none varies the cache: otherwise every <c>?v=1</c>, <c>?v=2</c>, …
    /// would render and store another copy. With <c>Portal:PublicOrigin</c> set the pages do not depend on the Host
    /// header either, so it does not vary the cache; without it, the absolute links in each page come from the Host.
    /// The catalogue's version, taken as the request arrives, is part of the key: a page whose rendering overlapped a
    /// change is stored under the version before it, which no later request asks for, so it cannot outlive the
    /// eviction. The eviction (<see cref="CataloguePageEviction"/>) frees the memory those pages hold.
    /// </remarks>
    public static IServiceCollection AddCatalogueOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<PublicOrigin, CatalogueVersion>(
            (options, origin, catalogue) => options.AddPolicy(Policy, new CataloguePagePolicy(origin, catalogue)));
        services.AddHostedService<CataloguePageEviction>();
        return services;
    }
}

/// <summary>
/// The catalogue page's cache entry in one place, as one policy rather than the builder's chain of seven: a cache hit
/// runs it for every request, so it does its work in one pass. Only GET and HEAD without credentials are looked up,
/// only a 200 that sets no cookie is stored (as the framework's default policy does); 10 minutes, tagged
/// <see cref="CatalogueCache.Tag"/>.
/// </summary>
internal sealed class CataloguePagePolicy(PublicOrigin origin, CatalogueVersion catalogue) : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly string[] Culture = ["culture"];

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(CatalogueCache.Tag);

        var vary = context.CacheVaryByRules;
        vary.VaryByHost = !origin.IsConfigured;
        vary.RouteValueNames = Culture;
        vary.VaryByValues["survey-prompt"] = SurveyPrompt.State(request);
        vary.VaryByValues["catalogue-version"] = catalogue.ImportId.ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts the cached catalogue pages whenever <see cref="CatalogueVersion"/> moves.</summary>
internal sealed partial class CataloguePageEviction(CatalogueVersion catalogue, IOutputCacheStore store, ILogger<CataloguePageEviction> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ChangeToken.OnChange(catalogue.Watch, () => _ = EvictAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Not awaited by whoever moved the version: the pages of the old version are unreachable already (they are keyed by
    /// it), so the eviction only reclaims their memory and need not hold up the import.
    /// </summary>
    private async Task EvictAsync()
    {
        try
        {
            await store.EvictByTagAsync(CatalogueCache.Tag, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogEvictionFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Evicting the cached catalogue pages failed; they expire on their own")]
    private static partial void LogEvictionFailed(ILogger logger, Exception exception);
}
