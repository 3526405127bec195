using System.CommandLine;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Survey;

/// <summary><c>survey purge</c>: the retention policy of the survey's answers, beside the answers it deletes.</summary>
public static partial class SurveyRetention
{
    public static Command PurgeCommand(IServiceProvider services)
        => CommandLineOptions.PurgeCommand(
            services,
            "Delete old survey responses (the retention policy).",
            "Delete the responses submitted more than DAYS days ago.",
            PurgeAsync);

    private static async Task PurgeAsync(IServiceProvider services, DateTimeOffset cutoff, TextWriter output)
    {
        var deleted = await services.GetRequiredService<PortalDbContext>().SurveyResponses.Where(r => r.SubmittedAt < cutoff).ExecuteDeleteAsync();
        LogPurged(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SurveyRetention)), deleted, cutoff);
        output.WriteLine($"{deleted} responses submitted before {cutoff:yyyy-MM-dd HH:mm} UTC deleted.");
    }

    [LoggerMessage(LogLevel.Information, "Survey purge: {Deleted} responses submitted before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int deleted, DateTimeOffset cutoff);
}
