using System.CommandLine;
using HelpPortal.Web.Data;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Search;

namespace HelpPortal.Web.Commands;

/// <summary>
/// <c>maintenance purge</c>: the retention policy for what anonymous visitors leave behind besides survey answers —
/// search misses and "Was this helpful?" votes, each deleted by its own feature's rule (<see cref="SearchMissLog"/>,
/// <see cref="VoteRetention"/>); this command runs both with one cutoff. Survey answers have their own command
/// (<c>survey purge</c>, in the survey's folder), so that a shorter period for the one never deletes the
/// other by accident.
/// </summary>
public static partial class MaintenanceCommands
{
    public static Command Create(IServiceProvider services)
    {
        var olderThan = CommandLineOptions.OlderThanDays("Delete the search misses of days and the votes from more than DAYS days ago.");
        var purge = new Command("purge", "Delete old search misses and \"Was this helpful?\" votes (the retention policy).") { olderThan };
        purge.SetAction(parse => PurgeAsync(services, parse.GetValue(olderThan), parse.InvocationConfiguration.Output));
        return new Command("maintenance", "Upkeep of what visitors leave behind.") { purge };
    }

    private static async Task<int> PurgeAsync(IServiceProvider services, int days, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cutoff = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-days);

        var misses = await SearchMissLog.DeleteDaysBeforeAsync(db, cutoff);
        var votes = await VoteRetention.DeleteCastBeforeAsync(db, cutoff);
        var cutoffDay = DateOnly.FromDateTime(cutoff.UtcDateTime);

        LogPurged(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MaintenanceCommands)), misses, votes, cutoff);
        output.WriteLine($"{misses} search-miss rows (days before {cutoffDay:yyyy-MM-dd}) deleted.");
        output.WriteLine($"{votes} \"Was this helpful?\" votes cast before {cutoff:yyyy-MM-dd HH:mm} UTC deleted.");
        return 0;
    }

    [LoggerMessage(LogLevel.Information, "Maintenance purge: {Misses} search-miss rows and {Votes} votes from before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int misses, int votes, DateTimeOffset cutoff);
}
