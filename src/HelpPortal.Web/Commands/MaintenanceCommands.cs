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
        var purge = CommandLineOptions.PurgeCommand(
            services,
            "Delete old search misses and \"Was this helpful?\" votes (the retention policy).",
            "Delete the search misses of days and the votes from more than DAYS days ago.",
            PurgeAsync);
        return new Command("maintenance", "Upkeep of what visitors leave behind.") { purge };
    }

    private static async Task PurgeAsync(IServiceProvider services, DateTimeOffset cutoff, TextWriter output)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var misses = await SearchMissLog.DeleteDaysBeforeAsync(db, cutoff);
        var votes = await VoteRetention.DeleteCastBeforeAsync(db, cutoff);

        LogPurged(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MaintenanceCommands)), misses, votes, cutoff);
        output.WriteLine($"{misses} search-miss rows (days before {DateOnly.FromDateTime(cutoff.UtcDateTime):yyyy-MM-dd}) deleted.");
        output.WriteLine($"{votes} \"Was this helpful?\" votes cast before {cutoff:yyyy-MM-dd HH:mm} UTC deleted.");
    }

    [LoggerMessage(LogLevel.Information, "Maintenance purge: {Misses} search-miss rows and {Votes} votes from before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int misses, int votes, DateTimeOffset cutoff);
}
