using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Infrastructure;

/// <summary>The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the portal believes.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (e.g. <c>10.0.0.5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (e.g. <c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    internal bool IsValid()
        => KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => IPNetwork.TryParse(n, out _));
}

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// The client address decides every rate limit, so only the hop a trusted proxy appended counts: anything a client
    /// wrote into <c>X-Forwarded-For</c> itself stays to the left of it and is ignored.
    /// </summary>
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(s => s.IsValid(), "ForwardedHeaders:KnownProxies must hold IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (10.0.0.0/24).")
            .ValidateOnStart();

        // PostConfigure runs after ASP.NET Core's own handling of ASPNETCORE_FORWARDEDHEADERS_ENABLED, which empties both
        // lists and so believes any client's header. With nothing configured, only a proxy on this machine is trusted.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (!settings.Value.IsConfigured)
            {
                options.KnownIPNetworks.Add(IPNetwork.Parse("127.0.0.0/8"));
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
                return;
            }

            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>Reads the forwarded headers when trusted proxies are configured; a portal with no proxy ignores them.</summary>
    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app)
        => app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.IsConfigured
            ? app.UseForwardedHeaders()
            : app;
}
