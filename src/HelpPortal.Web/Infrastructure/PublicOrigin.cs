using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Infrastructure;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The address visitors use, e.g. <c>https://help.example.eu</c>. When set, every absolute URL (canonical, hreflang,
    /// sitemap, robots.txt) uses it whatever <c>Host</c> the request carried; production sets it.
    /// </summary>
    public string? PublicOrigin { get; set; }

    internal bool IsValid()
        => string.IsNullOrEmpty(PublicOrigin)
            || (Uri.TryCreate(PublicOrigin, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0);
}

/// <summary>Turns a site-relative URL into the absolute one search engines and other sites should use.</summary>
public sealed class PublicOrigin(IOptions<PortalOptions> options)
{
    private readonly string? _origin = string.IsNullOrEmpty(options.Value.PublicOrigin)
        ? null
        : new Uri(options.Value.PublicOrigin).GetLeftPart(UriPartial.Authority);

    /// <summary>True when the origin comes from configuration, so no page depends on the request's Host.</summary>
    public bool IsConfigured => _origin is not null;

    public string Absolute(HttpRequest request, string path)
        => $"{_origin ?? $"{request.Scheme}://{request.Host}"}{path}";
}

public static class PublicOriginExtensions
{
    public static IServiceCollection AddPublicOrigin(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .Validate(o => o.IsValid(), "Portal:PublicOrigin must be an http or https origin without a path, such as https://help.example.eu.")
            .ValidateOnStart();
        services.AddSingleton<PublicOrigin>();
        return services;
    }
}
