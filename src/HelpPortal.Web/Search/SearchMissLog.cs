using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Search;

/// <summary>
/// Counts searches that found nothing, per language, day and normalised query, for the content team's report.
/// A miss is an anonymous write, so the log is bounded: a query is cut to <see cref="SearchAnalyzer.MaxQueryLength"/>
/// characters and normalised (so "Ābols " and "abols" are one row), and at most
/// <see cref="SearchOptions.MaxNewMissesPerDay"/> different queries get a row per day. Past that cap only the rows
/// already there are counted up: a flood of made-up queries adds at most the cap in rows per day, while the queries
/// real visitors repeat — the ones the report is for — keep being counted. The search rate limit bounds how fast one
/// client can fill the cap; <c>maintenance purge</c> bounds how many days are kept.
/// </summary>
public sealed partial class SearchMissLog(PortalDbContext db, TimeProvider time, IOptions<SearchOptions> options, ILogger<SearchMissLog> logger)
{
    // The day (DayNumber) for which this process last warned that the cap was reached: one warning a day, not one a miss.
    private static int _cappedDayWarned = -1;

    /// <summary>
    /// The retention policy of the log (<c>maintenance purge</c>): a row counts a whole day, so it goes once all of its
    /// day is before <paramref name="cutoff"/>, never half-way through.
    /// </summary>
    public static Task<int> DeleteDaysBeforeAsync(PortalDbContext db, DateTimeOffset cutoff)
    {
        var cutoffDay = DateOnly.FromDateTime(cutoff.UtcDateTime);
        return db.SearchMisses.Where(m => m.Day < cutoffDay).ExecuteDeleteAsync();
    }

    public async Task CountAsync(string culture, string query, CancellationToken cancellationToken)
    {
        var normalized = Normalize(query);
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        // A query already recorded today is only counted up; that never adds a row.
        var counted = await db.Database.ExecuteSqlAsync(
            $"""UPDATE "SearchMisses" SET "Count" = "Count" + 1 WHERE "Culture" = {culture} AND "Day" = {day} AND "Query" = {normalized}""",
            cancellationToken);
        if (counted > 0)
        {
            return;
        }

        // A new query gets a row only while the day is under the cap. The check and the insert are one statement, so
        // SQLite (one writer at a time) never passes the cap; on PostgreSQL concurrent transactions may each see the day
        // one row short of it, so it can be passed by as many rows as misses arrive in the same instant — still bounded.
        // ON CONFLICT covers the same new query arriving twice at once. Identifiers are quoted for PostgreSQL.
        var cap = options.Value.MaxNewMissesPerDay;
        var added = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "SearchMisses" ("Culture", "Day", "Query", "Count")
            SELECT {culture}, {day}, {normalized}, 1 WHERE (SELECT count(*) FROM "SearchMisses" WHERE "Day" = {day}) < {cap}
            ON CONFLICT ("Culture", "Day", "Query") DO UPDATE SET "Count" = "SearchMisses"."Count" + 1
            """,
            cancellationToken);
        if (added == 0 && Interlocked.Exchange(ref _cappedDayWarned, day.DayNumber) != day.DayNumber)
        {
            LogCapReached(logger, cap, day);
        }
    }

    /// <summary>Lower case, diacritics folded, spaces collapsed, at most <see cref="SearchAnalyzer.MaxQueryLength"/> characters.</summary>
    private static string Normalize(string query)
    {
        var normalized = string.Join(' ', SearchAnalyzer.Fold(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (normalized.Length <= SearchAnalyzer.MaxQueryLength)
        {
            return normalized;
        }

        // Folding can change the length; never store more than the column holds, nor half a surrogate pair.
        var length = SearchAnalyzer.MaxQueryLength;
        if (char.IsHighSurrogate(normalized[length - 1]))
        {
            length--;
        }

        return normalized[..length].TrimEnd();
    }

    [LoggerMessage(LogLevel.Warning, "Search misses reached the daily cap of {Cap} different queries on {Day}; new queries are no longer recorded today")]
    private static partial void LogCapReached(ILogger logger, int cap, DateOnly day);
}
