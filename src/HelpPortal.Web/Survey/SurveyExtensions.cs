using HelpPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Survey;

public static class SurveyExtensions
{
    /// <summary>How long the prompt stays hidden after the survey was answered (the cookies page states it from here).</summary>
    public static readonly TimeSpan CompletedPromptLifetime = TimeSpan.FromDays(5 * 365);

    public static IServiceCollection AddSurvey(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var dismissal = provider.GetRequiredService<IOptions<SurveyOptions>>().Value.PromptDismissal;
            return new PortalCookie(SurveyPrompt.CookieName, "Cookies.Purpose.SurveyPrompt", [dismissal, CompletedPromptLifetime], AdminOnly: false,
                (int)dismissal.TotalDays, (int)CompletedPromptLifetime.TotalDays);
        });

        // One writer for the whole process: registered once, reachable both as a service and as the hosted loop.
        services.AddSingleton<SurveyWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<SurveyWriter>());
        return services;
    }
}
