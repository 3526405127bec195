using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Search;

public sealed record SearchHit(string TitleHtml, string Topic, string ExcerptHtml, string Url, string Culture);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total)
{
    public static SearchResults None { get; } = new([], 0);
}

/// <summary>
/// A query as the index understands it: per word, the terms any of which may match, and for the word still being
/// typed (no space after it) a prefix as well. Every term is quoted, so nothing a visitor types is FTS5 syntax.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<string>> Words, string? Prefix)
{
    public bool IsEmpty => Words.Count == 0 && Prefix is null;

    public static SearchQuery Parse(string culture, string? text)
    {
        text ??= "";
        if (text.Length > SearchAnalyzer.MaxQueryLength)
        {
            text = text[..SearchAnalyzer.MaxQueryLength];
        }

        var words = SearchAnalyzer.Words(culture, text).ToList();

        // The last word, when nothing follows it, may still be being typed: it matches by its terms or by what has been
        // typed so far. A stop word is never a prefix, so "how to" does not demand a word starting with "to".
        if (words.Count > 0 && words[^1].Index + words[^1].Length == text.Length && words[^1].Length >= 2)
        {
            return new SearchQuery([.. words.Take(words.Count - 1).Select(w => w.Terms)], SearchAnalyzer.Fold(words[^1].Text))
            {
                LastWordTerms = words[^1].Terms,
            };
        }

        return new SearchQuery([.. words.Select(w => w.Terms)], Prefix: null);
    }

    public IReadOnlyList<string> LastWordTerms { get; init; } = [];

    /// <summary>Every term of the query, for marking matches; built once, then asked for every word of every excerpt.</summary>
    public IReadOnlySet<string> AllTerms => _allTerms ??= Words.SelectMany(w => w).Concat(LastWordTerms).ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _allTerms;

    /// <summary>The query for SQLite's FTS5 MATCH: every word must match; <paramref name="anyWord"/> relaxes that to OR.</summary>
    public string ToMatchExpression(bool anyWord) => Render(Fts5, anyWord);

    /// <summary>The same query for PostgreSQL's to_tsquery.</summary>
    public string ToTsQuery(bool anyWord) => Render(TsQuery, anyWord);

    /// <summary>
    /// The terms of a word are alternatives; the words are all required, or alternatives for <paramref name="anyWord"/>;
    /// the word being typed also matches as a prefix. Every term is quoted, so nothing typed is the index's own syntax.
    /// </summary>
    private string Render(QuerySyntax syntax, bool anyWord)
    {
        var clauses = Words.Select(terms => Clause(syntax, terms, prefix: null)).ToList();
        if (Prefix is not null)
        {
            clauses.Add(Clause(syntax, LastWordTerms, Prefix));
        }

        return string.Join(anyWord ? syntax.Or : syntax.And, clauses);
    }

    private static string Clause(QuerySyntax syntax, IEnumerable<string> terms, string? prefix)
    {
        var parts = terms.Select(syntax.Quote).ToList();
        if (prefix is not null)
        {
            parts.Add(syntax.Quote(prefix) + syntax.PrefixMark);
        }

        return "(" + string.Join(syntax.Or, parts) + ")";
    }

    private sealed record QuerySyntax(string And, string Or, string PrefixMark, Func<string, string> Quote);

    private static readonly QuerySyntax Fts5 = new(" AND ", " OR ", "*",
        term => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");

    private static readonly QuerySyntax TsQuery = new(" & ", " | ", ":*",
        term => "'" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'");
}

internal sealed record RankedId(int Id, int Total);

/// <summary>Full-text search over the catalogue (see <see cref="SearchIndex"/>), excerpts marked up safely.</summary>
public sealed class ArticleSearch(PortalDbContext db)
{
    public const int PageSize = 20;
    private const int ExcerptLength = 220;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task<SearchResults> SearchAsync(string culture, string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(culture, text);
        if (query.IsEmpty)
        {
            return SearchResults.None;
        }

        // All words first; if that finds nothing, any word, ranked, so a question typed in full still finds its answer.
        foreach (var anyWord in new[] { false, true })
        {
            var offset = (Math.Max(page, 1) - 1) * pageSize;
            var ranked = await SearchIndex.RankAsync(db, culture, query, anyWord, pageSize, offset, cancellationToken);
            if (ranked.Count == 0)
            {
                if (offset == 0)
                {
                    continue;
                }

                // Past the last page: the total still matters for the pager.
                var total = await SearchIndex.CountAsync(db, culture, query, anyWord, cancellationToken);
                if (total == 0)
                {
                    continue;
                }

                return new SearchResults([], total);
            }

            var ids = ranked.Select(r => r.Id).ToList();
            var rows = await db.ArticleTranslations.AsNoTracking()
                .Where(t => ids.Contains(t.Id))
                .Select(t => new
                {
                    t.Id,
                    t.Culture,
                    t.Slug,
                    t.Title,
                    t.Summary,
                    t.PlainText,
                    Topic = t.Article.Topic.Translations.Where(x => x.Culture == t.Culture).Select(x => x.Name).FirstOrDefault(),
                })
                .ToDictionaryAsync(t => t.Id, cancellationToken);

            var hits = ids.Where(rows.ContainsKey).Select(id =>
            {
                var row = rows[id];
                return new SearchHit(
                    Mark(culture, row.Title, query, 0, row.Title.Length),
                    row.Topic ?? "",
                    Excerpt(culture, row.PlainText.Length > 0 ? row.PlainText : row.Summary ?? "", query),
                    PortalUrls.Article(row.Culture, row.Slug),
                    row.Culture);
            }).ToList();
            return new SearchResults(hits, ranked[0].Total);
        }

        return SearchResults.None;
    }

    /// <summary>A window of the text around the first matching word, with every matching word in &lt;mark&gt;.</summary>
    private static string Excerpt(string culture, string text, SearchQuery query)
    {
        var first = SearchAnalyzer.Words(culture, text).FirstOrDefault(w => Matches(w, query));
        var start = first is null ? 0 : Math.Max(0, first.Index - (ExcerptLength / 3));
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first!.Index ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + ExcerptLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > start ? space : end;
        }

        var html = Mark(culture, text, query, start, end);
        return (start > 0 ? "… " : "") + html + (end < text.Length ? " …" : "");
    }

    private static string Mark(string culture, string text, SearchQuery query, int start, int end)
    {
        var html = new StringBuilder();
        var position = start;
        foreach (var word in SearchAnalyzer.Words(culture, text[start..end]))
        {
            if (!Matches(word, query))
            {
                continue;
            }

            html.Append(Encoder.Encode(text[position..(start + word.Index)]));
            html.Append("<mark>").Append(Encoder.Encode(word.Text)).Append("</mark>");
            position = start + word.Index + word.Length;
        }

        html.Append(Encoder.Encode(text[position..end]));
        return html.ToString();
    }

    private static bool Matches(SearchAnalyzer.Word word, SearchQuery query)
        => word.Terms.Any(query.AllTerms.Contains)
            || (query.Prefix is not null && SearchAnalyzer.Fold(word.Text).StartsWith(query.Prefix, StringComparison.Ordinal));
}
