using System.CommandLine;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Survey;

/// <summary><c>survey purge</c>: the retention policy of the survey's answers, beside the answers it deletes.</summary>
public static partial class SurveyRetention
{
    public static Command PurgeCommand(IServiceProvider services)
    {
        var olderThan = CommandLineOptions.OlderThanDays("Delete the responses submitted more than DAYS days ago.");
        var purge = new Command("purge", "Delete old survey responses (the retention policy).") { olderThan };
        purge.SetAction(parse => PurgeAsync(services, parse.GetValue(olderThan), parse.InvocationConfiguration.Output));
        return purge;
    }

    private static async Task<int> PurgeAsync(IServiceProvider services, int days, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var cutoff = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-days);
        var deleted = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SurveyResponses.Where(r => r.SubmittedAt < cutoff).ExecuteDeleteAsync();
        LogPurged(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SurveyRetention)), deleted, cutoff);
        output.WriteLine($"{deleted} responses submitted before {cutoff:yyyy-MM-dd HH:mm} UTC deleted.");
        return 0;
    }

    [LoggerMessage(LogLevel.Information, "Survey purge: {Deleted} responses submitted before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int deleted, DateTimeOffset cutoff);
}
