namespace HelpPortal.Web.Survey;

public static class SurveyExtensions
{
    public static IServiceCollection AddSurvey(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // One writer for the whole process: registered once, reachable both as a service and as the hosted loop.
        services.AddSingleton<SurveyWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<SurveyWriter>());
        return services;
    }
}
