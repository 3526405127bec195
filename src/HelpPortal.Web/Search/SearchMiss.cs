namespace HelpPortal.Web.Search;

/// <summary>How often a query found nothing, per language and day. The query is normalised and nothing else is kept.</summary>
public sealed class SearchMiss
{
    public int Id { get; set; }

    public required string Culture { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>Lower case, diacritics folded, spaces collapsed, at most <see cref="SearchAnalyzer.MaxQueryLength"/> characters.</summary>
    public required string Query { get; set; }

    public int Count { get; set; }
}
