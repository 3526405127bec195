using HelpPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Search;

public sealed class SearchMissTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
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
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), misses[1].Day);
    }

    [Fact]
    public async Task A_search_rescued_by_the_other_language_still_counts_as_a_miss_in_its_own()
    {
        await _factory.CreateClient().GetAsync("/en/search?q=viedt%C4%81lrunis");

        var miss = await _factory.WithDbAsync(db => db.SearchMisses.AsNoTracking().SingleAsync());
        Assert.Equal(("en", "viedtalrunis"), (miss.Culture, miss.Query));
    }

    public void Dispose() => _factory.Dispose();
}
