using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.Search;

public abstract class SearchMissTests : IDisposable
{
    public sealed class OnSqlite() : SearchMissTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : SearchMissTests(TestDatabase.Postgres), IRunsOnPostgres;

    // A minute before UTC midnight, so that a test letting time pass crosses into the next day on purpose, never by chance.
    private static readonly DateTimeOffset Today = new(2026, 11, 27, 23, 59, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Today);
    private readonly PortalFactory _factory;

    protected SearchMissTests(TestDatabase database)
        => _factory = new PortalFactory { Database = database, Time = _time, Settings = { ["Search:MaxNewMissesPerDay"] = "3" } };

    [DatabaseFact]
    public async Task A_search_that_finds_nothing_is_counted_normalised_per_language_and_day()
    {
        var client = _factory.CreateClient();

        await client.GetAsync("/lv/search?q=" + Uri.EscapeDataString("  Zzqx  Ābols "));
        await client.GetAsync("/lv/search?q=" + Uri.EscapeDataString("zzqx abols"));
        await client.GetAsync("/en/search?q=zzqx+abols");
        await client.GetAsync("/lv/search?q=paroli");

        var misses = await _factory.WithDbAsync(db => db.SearchMisses.AsNoTracking().OrderBy(m => m.Culture).ToListAsync());
        Assert.Equal(2, misses.Count);
        Assert.Equal(("en", "zzqx abols", 1), (misses[0].Culture, misses[0].Query, misses[0].Count));
        Assert.Equal(("lv", "zzqx abols", 2), (misses[1].Culture, misses[1].Query, misses[1].Count));
        Assert.Equal(new DateOnly(2026, 11, 27), misses[1].Day);
    }

    [DatabaseFact]
    public async Task A_search_rescued_by_the_other_language_still_counts_as_a_miss_in_its_own()
    {
        await _factory.CreateClient().GetAsync("/en/search?q=viedt%C4%81lrunis");

        var miss = await _factory.WithDbAsync(db => db.SearchMisses.AsNoTracking().SingleAsync());
        Assert.Equal(("en", "viedtalrunis"), (miss.Culture, miss.Query));
    }

    [DatabaseFact]
    public async Task A_search_answered_by_typo_correction_is_not_a_miss_and_the_query_as_typed_is()
    {
        var client = _factory.CreateClient();

        await client.GetAsync("/en/search?q=pasword");
        await client.GetAsync("/en/search?q=pasword&exact=1");

        var miss = await _factory.WithDbAsync(db => db.SearchMisses.AsNoTracking().SingleAsync());
        Assert.Equal(("en", "pasword", 1), (miss.Culture, miss.Query, miss.Count));
    }

    [DatabaseFact]
    public async Task Past_the_daily_cap_new_queries_add_no_rows_and_known_ones_are_still_counted()
    {
        var client = _factory.CreateClient();
        foreach (var query in new[] { "zzqa", "zzqb", "zzqc", "zzqd", "zzqe", "zzqa", "ZZQA" })
        {
            await client.GetAsync("/en/search?q=" + query);
        }

        var misses = await _factory.WithDbAsync(db => db.SearchMisses.AsNoTracking().OrderBy(m => m.Query).ToListAsync());
        Assert.Equal(["zzqa", "zzqb", "zzqc"], misses.Select(m => m.Query));
        Assert.Equal([3, 1, 1], misses.Select(m => m.Count));
    }

    [DatabaseFact]
    public async Task The_cap_counts_both_languages_together_and_starts_again_the_next_day()
    {
        var client = _factory.CreateClient();
        await client.GetAsync("/en/search?q=zzqa");
        await client.GetAsync("/lv/search?q=zzqb");
        await client.GetAsync("/lv/search?q=zzqc");
        await client.GetAsync("/en/search?q=zzqd");

        _time.Advance(TimeSpan.FromMinutes(2));
        await client.GetAsync("/en/search?q=zzqd");

        var misses = await _factory.WithDbAsync(db => db.SearchMisses.AsNoTracking().OrderBy(m => m.Day).ThenBy(m => m.Query).ToListAsync());
        Assert.Equal(
            [("zzqa", Today.Day), ("zzqb", Today.Day), ("zzqc", Today.Day), ("zzqd", Today.Day + 1)],
            misses.Select(m => (m.Query, m.Day.Day)));
    }

    [DatabaseFact]
    public async Task A_query_longer_than_the_limit_is_recorded_cut_to_200_characters()
    {
        await _factory.CreateClient().GetAsync("/en/search?q=" + new string('z', 500));

        var miss = await _factory.WithDbAsync(db => db.SearchMisses.AsNoTracking().SingleAsync());
        Assert.Equal(new string('z', 200), miss.Query);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
