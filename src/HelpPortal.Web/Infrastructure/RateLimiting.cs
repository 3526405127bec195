using System.Globalization;
using System.Threading.RateLimiting;

namespace HelpPortal.Web.Infrastructure;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Operators and load tests can switch every limit off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Survey submissions allowed per client address in one window.</summary>
    public int SurveyPermitLimit { get; set; } = 20;

    public TimeSpan SurveyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Admin sign-in attempts (password, code, recovery code) per client address in one window.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>"Was this helpful?" votes per client address in one window.</summary>
    public int FeedbackPermitLimit { get; set; } = 30;

    public TimeSpan FeedbackWindow { get; set; } = TimeSpan.FromMinutes(10);
}

public static class RateLimiting
{
    public const string SurveyPolicy = "survey";
    public const string SignInPolicy = "sign-in";
    public const string FeedbackPolicy = "feedback";

    /// <summary>
    /// Per client address, fixed windows: generous for a person (or an office behind one address), tight for a script.
    /// Rejections are 429 with Retry-After; the status code page explains it in the visitor's language.
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
            limiter.AddPolicy(SurveyPolicy, context => PerClient(context, settings, settings.SurveyPermitLimit, settings.SurveyWindow));
            limiter.AddPolicy(SignInPolicy, context => PerClient(context, settings, settings.SignInPermitLimit, settings.SignInWindow));
            limiter.AddPolicy(FeedbackPolicy, context => PerClient(context, settings, settings.FeedbackPermitLimit, settings.FeedbackWindow));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, RateLimitingOptions settings, int permits, TimeSpan window)
        => settings.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("off");
}
