using HelpPortal.Web.Feedback;
using HelpPortal.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.Commands;

/// <summary><c>maintenance purge</c>, run in-process on a test portal's services and clock; once through the real executable.</summary>
public abstract class MaintenanceCommandTests(TestDatabase database) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-30);
    private readonly PortalFactory _factory = new() { Database = database, Time = new FakeTimeProvider(Now) };

    public sealed class OnSqlite() : MaintenanceCommandTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : MaintenanceCommandTests(TestDatabase.Postgres), IRunsOnPostgres;

    [DatabaseFact]
    public async Task Purge_deletes_search_misses_and_votes_older_than_the_cutoff_and_keeps_the_rest()
    {
        await SeedAsync(
            [Miss("zzold", new DateOnly(2026, 10, 27)), Miss("zzcutoffday", new DateOnly(2026, 10, 28)), Miss("zznew", new DateOnly(2026, 11, 20))],
            [Vote("a", Cutoff.AddMinutes(-1)), Vote("b", Cutoff.AddDays(-200)), Vote("c", Cutoff.AddMinutes(1))]);

        var (exitCode, output, _) = await RunAsync("maintenance", "purge", "--older-than", "30");

        Assert.Equal(0, exitCode);
        Assert.Equal(["zzcutoffday", "zznew"], await _factory.WithDbAsync(db => db.SearchMisses.OrderBy(m => m.Day).Select(m => m.Query).ToListAsync()));
        Assert.Equal(["c"], await _factory.WithDbAsync(db => db.ArticleVotes.Select(v => v.VoterHash).ToListAsync()));
        Assert.Contains("1 search-miss rows (days before 2026-10-28) deleted.", output, StringComparison.Ordinal);
        Assert.Contains("2 \"Was this helpful?\" votes cast before 2026-10-28 12:00 UTC deleted.", output, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Purge_leaves_survey_answers_alone()
    {
        await _factory.SeedAsync(StoredResponses.Make(Now.AddDays(-400)));

        var (exitCode, _, _) = await RunAsync("maintenance", "purge", "--older-than", "1");

        Assert.Equal(0, exitCode);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [DatabaseTheory]
    [InlineData(new[] { "maintenance", "purge" }, "Option '--older-than' is required.")]
    [InlineData(new[] { "maintenance", "purge", "--older-than" }, "Required argument missing for option: '--older-than'.")]
    [InlineData(new[] { "maintenance", "purge", "--older-than", "0" }, "--older-than must be a whole number of days, 1 or more, not '0'.")]
    [InlineData(new[] { "maintenance", "purge", "--older-than", "-5" }, "--older-than must be a whole number of days, 1 or more, not '-5'.")]
    [InlineData(new[] { "maintenance", "purge", "--older-than", "soon" }, "--older-than must be a whole number of days, 1 or more, not 'soon'.")]
    [InlineData(new[] { "maintenance", "purge", "--older-than", "1.5" }, "--older-than must be a whole number of days, 1 or more, not '1.5'.")]
    [InlineData(new[] { "maintenance", "purge", "--older-than", "30", "--culture", "lv" }, "Unrecognized command or argument '--culture'.")]
    public async Task Purge_with_bad_arguments_explains_the_problem_deletes_nothing_and_fails(string[] args, string message)
    {
        await SeedAsync([Miss("zzold", new DateOnly(2020, 1, 1))], [Vote("a", Now.AddYears(-5))]);

        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.SearchMisses.CountAsync()));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.ArticleVotes.CountAsync()));
    }

    [DatabaseFact]
    public async Task Purge_runs_from_the_portals_command_line_on_a_fresh_database()
    {
        using var fresh = CommandLineDatabase.Fresh(database);

        var (exitCode, output, error) = await PortalProcess.RunAsync(
            new Dictionary<string, string>(fresh.Environment) { ["Content__Path"] = TestContent.RepositoryContentFolder },
            null,
            "maintenance", "purge", "--older-than", "30");

        Assert.True(exitCode == 0, error);
        Assert.Contains("0 search-miss rows", output, StringComparison.Ordinal);
        Assert.Contains("0 \"Was this helpful?\" votes", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => _factory.RunCommandAsync(null, args);

    private Task<int> SeedAsync(SearchMiss[] misses, ArticleVote[] votes) => _factory.WithDbAsync(db =>
    {
        db.SearchMisses.AddRange(misses);
        db.ArticleVotes.AddRange(votes);
        return db.SaveChangesAsync();
    });

    private static SearchMiss Miss(string query, DateOnly day) => new() { Culture = "en", Day = day, Query = query, Count = 1 };

    // The voter hash stands in as a name, so the test can tell which votes are left.
    private static ArticleVote Vote(string voter, DateTimeOffset at)
        => new() { ArticleKey = "forgotten-password", Culture = "en", VoterHash = voter, Helpful = true, VotedAt = at };
}
