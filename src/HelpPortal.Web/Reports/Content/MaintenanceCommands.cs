using HelpPortal.Web.Commands;
using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Reports.Content;

/// <summary>
/// <c>maintenance purge</c>: the retention policy for what anonymous visitors leave behind besides survey answers —
/// search misses and "Was this helpful?" votes. Survey answers have their own command (<c>survey purge</c>), so that
/// a shorter period for the one never deletes the other by accident.
/// </summary>
public static partial class MaintenanceCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine command, TextWriter output, TextWriter error)
    {
        if (command.Verbs is not ["maintenance", "purge"])
        {
            return -1;
        }

        command.AllowOnly("older-than");
        var days = command.RequiredDays("older-than");
        if (command.HasErrors(error))
        {
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cutoff = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-days);

        // A miss row counts a whole day: it goes once all of its day is older than the cutoff, never half-way through.
        var cutoffDay = DateOnly.FromDateTime(cutoff.UtcDateTime);
        var misses = await db.SearchMisses.Where(m => m.Day < cutoffDay).ExecuteDeleteAsync();
        var votes = await db.ArticleVotes.Where(v => v.VotedAt < cutoff).ExecuteDeleteAsync();

        LogPurged(scope.ServiceProvider.GetRequiredService<ILogger<CommandLine>>(), misses, votes, cutoff);
        output.WriteLine($"{misses} search-miss rows (days before {cutoffDay:yyyy-MM-dd}) deleted.");
        output.WriteLine($"{votes} \"Was this helpful?\" votes cast before {cutoff:yyyy-MM-dd HH:mm} UTC deleted.");
        return 0;
    }

    [LoggerMessage(LogLevel.Information, "Maintenance purge: {Misses} search-miss rows and {Votes} votes from before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int misses, int votes, DateTimeOffset cutoff);
}
