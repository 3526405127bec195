using System.CommandLine;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Commands;

/// <summary>
/// <c>maintenance purge</c>: the retention policy for what anonymous visitors leave behind besides survey answers —
/// search misses and "Was this helpful?" votes. Survey answers have their own command (<c>survey purge</c>), so that
/// a shorter period for the one never deletes the other by accident.
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

        // A miss row counts a whole day: it goes once all of its day is older than the cutoff, never half-way through.
        var cutoffDay = DateOnly.FromDateTime(cutoff.UtcDateTime);
        var misses = await db.SearchMisses.Where(m => m.Day < cutoffDay).ExecuteDeleteAsync();
        var votes = await db.ArticleVotes.Where(v => v.VotedAt < cutoff).ExecuteDeleteAsync();

        LogPurged(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MaintenanceCommands)), misses, votes, cutoff);
        output.WriteLine($"{misses} search-miss rows (days before {cutoffDay:yyyy-MM-dd}) deleted.");
        output.WriteLine($"{votes} \"Was this helpful?\" votes cast before {cutoff:yyyy-MM-dd HH:mm} UTC deleted.");
        return 0;
    }

    [LoggerMessage(LogLevel.Information, "Maintenance purge: {Misses} search-miss rows and {Votes} votes from before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int misses, int votes, DateTimeOffset cutoff);
}
