using System.ComponentModel.DataAnnotations;

namespace HelpPortal.Web.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// How many different queries that found nothing are recorded per day (both languages together). Past it, the
    /// queries already recorded that day are still counted, new ones are not. 0 records no new queries at all.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxNewMissesPerDay { get; set; } = 1000;
}
