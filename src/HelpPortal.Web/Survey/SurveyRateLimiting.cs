using System.Globalization;
using System.Threading.RateLimiting;

namespace HelpPortal.Web.Survey;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Operators and load tests can switch every limit off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Survey submissions allowed per client address in one window.</summary>
    public int SurveyPermitLimit { get; set; } = 20;

    public TimeSpan SurveyWindow { get; set; } = TimeSpan.FromMinutes(10);
}

public static class SurveyRateLimiting
{
    public const string Policy = "survey";

    /// <summary>
    /// Survey submissions per client address: generous for a person (or an office behind one address), tight for a
    /// script. Rejections are 429 with Retry-After; the status code page explains it in the visitor's language.
    /// </summary>
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Policy, context => settings.Enabled
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SurveyPermitLimit, Window = settings.SurveyWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("off"));
        });
        return services;
    }
}
