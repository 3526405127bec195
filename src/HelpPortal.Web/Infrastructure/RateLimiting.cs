using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Infrastructure;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Operators and load tests can switch every limit off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Survey submissions allowed per client address in one window.</summary>
    [Range(1, 100_000)]
    public int SurveyPermitLimit { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SurveyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Admin sign-in attempts (password, code, recovery code) per client address in one window.</summary>
    [Range(1, 100_000)]
    public int SignInPermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>"Was this helpful?" votes per client address in one window.</summary>
    [Range(1, 100_000)]
    public int FeedbackPermitLimit { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FeedbackWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Searches per client address in one window. A person types a query, reads, pages, refines: a few a minute;
    /// a whole office behind one address stays well under 60. A script writing a search miss per request does not.
    /// </summary>
    [Range(1, 100_000)]
    public int SearchPermitLimit { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SearchWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Suggestion requests (search/suggest) per client address in one window. Typing sends one after each pause of
    /// 150 ms, so a search can cost ten of them; they only read, so the limit is five times the searches'.
    /// </summary>
    [Range(1, 100_000)]
    public int SuggestionsPermitLimit { get; set; } = 300;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SuggestionsWindow { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimiting
{
    public const string SurveyPolicy = "survey";
    public const string SignInPolicy = "sign-in";
    public const string FeedbackPolicy = "feedback";
    public const string SearchPolicy = "search";
    public const string SuggestionsPolicy = "search-suggestions";

    /// <summary>
    /// Per client address, fixed windows: generous for a person (or an office behind one address), tight for a script.
    /// Rejections are 429 with Retry-After; the status code page explains it in the visitor's language.
    /// </summary>
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services)
    {
        // A limit of 0 or a window of nothing would throw on the first request; refuse it at start-up instead.
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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
            limiter.AddPolicy(SurveyPolicy, context => PerClient(context, s => (s.SurveyPermitLimit, s.SurveyWindow)));
            limiter.AddPolicy(SignInPolicy, context => PerClient(context, s => (s.SignInPermitLimit, s.SignInWindow)));
            limiter.AddPolicy(FeedbackPolicy, context => PerClient(context, s => (s.FeedbackPermitLimit, s.FeedbackWindow)));
            limiter.AddPolicy(SearchPolicy, context => PerClient(context, s => (s.SearchPermitLimit, s.SearchWindow)));
            limiter.AddPolicy(SuggestionsPolicy, context => PerClient(context, s => (s.SuggestionsPermitLimit, s.SuggestionsWindow)));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitingOptions, (int Permits, TimeSpan Window)> limit)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var (permits, window) = limit(settings);
        return settings.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("off");
    }
}
