using NpgsqlTypes;

namespace HelpPortal.Web.Search;

/// <summary>
/// One article translation as PostgreSQL's full-text search sees it: its analysed terms in a tsvector, title weighted
/// A, summary B, body C. The id is the translation's. (On SQLite the FTS5 table SearchIndex plays this part.)
/// </summary>
public sealed class SearchDocument
{
    public int Id { get; set; }

    public required string Culture { get; set; }

    public required NpgsqlTsVector Terms { get; set; }
}
