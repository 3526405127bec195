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
    /// <summary>When typo correction found these results: the query as searched, for "Showing results for …".</summary>
    public string? CorrectedQuery { get; init; }

    public static SearchResults None { get; } = new([], 0);
}

/// <summary>A query word not in the vocabulary, searched as the nearest term instead; Index and Length are in the typed query.</summary>
public sealed record Correction(int Index, int Length, string Term);

/// <summary>
/// A query as the index understands it: per word, the terms any of which may match, and for the word still being
/// typed (no space after it) a prefix as well. Every term is quoted, so nothing a visitor types is FTS5 syntax.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<string>> Words, string? Prefix)
{
    /// <summary>Below this many letters a word or its term is never corrected: too many short words are one edit from another.</summary>
    public const int MinCorrectedLength = 4;

    /// <summary>From this many letters a word may be two edits from the term it meant; shorter ones, one.</summary>
    public const int TwoEditsFromLength = 8;

    public bool IsEmpty => Words.Count == 0 && Prefix is null;

    public static SearchQuery Parse(string culture, string? text) => Parse(culture, text, Synonyms.None);

    /// <summary>The query's words as terms, each with the terms of its synonyms.</summary>
    public static SearchQuery Parse(string culture, string? text, Synonyms synonyms)
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
            return new SearchQuery([.. words.Take(words.Count - 1).Select(w => synonyms.Expand(w.Terms))], SearchAnalyzer.Fold(words[^1].Text))
            {
                LastWordTerms = synonyms.Expand(words[^1].Terms),
                Typed = words,
            };
        }

        return new SearchQuery([.. words.Select(w => synonyms.Expand(w.Terms))], Prefix: null) { Typed = words };
    }

    public IReadOnlyList<string> LastWordTerms { get; init; } = [];

    /// <summary>The words as typed, in order; the last is the prefix word when <see cref="Prefix"/> is set.</summary>
    public IReadOnlyList<SearchAnalyzer.Word> Typed { get; init; } = [];

    /// <summary>The words this query searches for by their nearest terms; empty for the query as typed.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    /// <summary>
    /// The query with every word that is not in <paramref name="vocabulary"/> also searching for the nearest term that is
    /// (with that term's synonyms), or null when no word needs or finds one. A word shorter than
    /// <see cref="MinCorrectedLength"/>, one with digits, and a last word that begins some term (still being typed) are left alone.
    /// </summary>
    public SearchQuery? Correct(SpellingIndex vocabulary, Synonyms synonyms)
    {
        var corrections = new List<Correction>();
        var words = Words.ToList();
        var lastTerms = LastWordTerms;
        for (var i = 0; i < Typed.Count; i++)
        {
            var isPrefix = Prefix is not null && i == Typed.Count - 1;
            var terms = isPrefix ? LastWordTerms : Words[i];
            if (isPrefix && vocabulary.HasPrefix(Prefix!))
            {
                continue;
            }

            if (Nearest(Typed[i], terms, vocabulary) is not { } nearest)
            {
                continue;
            }

            corrections.Add(new Correction(Typed[i].Index, Typed[i].Length, nearest));
            IReadOnlyList<string> corrected = [.. terms.Concat(synonyms.Expand([nearest])).Distinct(StringComparer.Ordinal)];
            if (isPrefix)
            {
                lastTerms = corrected;
            }
            else
            {
                words[i] = corrected;
            }
        }

        return corrections.Count == 0 ? null : this with { Words = words, LastWordTerms = lastTerms, Corrections = corrections, _allTerms = null };
    }

    private static string? Nearest(SearchAnalyzer.Word word, IReadOnlyList<string> terms, SpellingIndex vocabulary)
    {
        if (word.Length < MinCorrectedLength || word.Text.Any(char.IsDigit) || terms.Any(vocabulary.Contains))
        {
            return null;
        }

        // The length of the term, too, when stemming has made it shorter than the word: "kūka" is stemmed to "kuk", and
        // one edit from a three-letter stem is almost any short word.
        return terms.Where(t => t.Length >= MinCorrectedLength)
            .Select(t => vocabulary.Nearest(t, Math.Min(word.Length, t.Length) >= TwoEditsFromLength ? 2 : 1))
            .Where(n => n is not null).OrderBy(n => n!.Value.Distance).FirstOrDefault()?.Term;
    }

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
public sealed class ArticleSearch(PortalDbContext db, SearchVocabulary vocabulary)
{
    public const int PageSize = 20;
    private const int ExcerptLength = 220;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="exact">The query as typed, without typo correction (the "search instead for" link).</param>
    public async Task<SearchResults> SearchAsync(string culture, string? text, int page, int pageSize, CancellationToken cancellationToken, bool exact = false)
    {
        var synonyms = vocabulary.SynonymsOf(culture);
        var query = SearchQuery.Parse(culture, text, synonyms);
        if (query.IsEmpty)
        {
            return SearchResults.None;
        }

        // A word the index does not hold cannot match as typed, so the query as typed could only find what the other
        // words find: the corrected query is asked first, and among any-word results those matching as typed come first.
        var corrected = exact ? null : query.Correct(await vocabulary.SpellingAsync(culture).WaitAsync(cancellationToken), synonyms);

        // All words first; if that finds nothing, any word, ranked, so a question typed in full still finds its answer.
        foreach (var anyWord in new[] { false, true })
        {
            var searched = corrected ?? query;
            var exactFirst = corrected is not null && anyWord ? query : null;
            var offset = (Math.Max(page, 1) - 1) * pageSize;
            var ranked = await SearchIndex.RankAsync(db, culture, searched, anyWord, pageSize, offset, cancellationToken, exactFirst);
            if (ranked.Count == 0)
            {
                if (offset == 0)
                {
                    continue;
                }

                // Past the last page: the total still matters for the pager.
                var total = await SearchIndex.CountAsync(db, culture, searched, anyWord, cancellationToken);
                if (total == 0)
                {
                    continue;
                }

                return new SearchResults([], total) { CorrectedQuery = CorrectedText(culture, text, searched, []) };
            }

            var ids = ranked.Select(r => r.Id).ToList();
            var rows = await db.ArticleTranslations.AsNoTracking()
                .Where(t => ids.Contains(t.Id))
                .Select(t => new ResultRow(
                    t.Id,
                    t.Culture,
                    t.Slug,
                    t.Title,
                    t.Summary,
                    t.PlainText,
                    t.Article.Topic.Translations.Where(x => x.Culture == t.Culture).Select(x => x.Name).FirstOrDefault()))
                .ToDictionaryAsync(t => t.Id, cancellationToken);

            var found = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
            var hits = found.Select(row => new SearchHit(
                Mark(culture, row.Title, searched, 0, row.Title.Length),
                row.Topic ?? "",
                Excerpt(culture, row.PlainText.Length > 0 ? row.PlainText : row.Summary ?? "", searched),
                PortalUrls.Article(row.Culture, row.Slug),
                row.Culture)).ToList();
            return new SearchResults(hits, ranked[0].Total) { CorrectedQuery = CorrectedText(culture, text, searched, found) };
        }

        return SearchResults.None;
    }

    private sealed record ResultRow(int Id, string Culture, string Slug, string Title, string? Summary, string PlainText, string? Topic);

    /// <summary>
    /// The query as searched, for "Showing results for …": each corrected word replaced by the first word of the results
    /// that has the term it was corrected to, in the form nearest to what was typed ("authent" is shown as "authentication"), or by the term itself.
    /// </summary>
    private static string? CorrectedText(string culture, string? text, SearchQuery query, IReadOnlyList<ResultRow> rows)
    {
        if (query.Corrections.Count == 0 || text is null)
        {
            return null;
        }

        var corrected = new StringBuilder(text.Length > SearchAnalyzer.MaxQueryLength ? text[..SearchAnalyzer.MaxQueryLength] : text);
        foreach (var correction in query.Corrections.OrderByDescending(c => c.Index))
        {
            // The form closest to what was typed among the results' words that have the term: "autentifkacija" is
            // shown as "autentifikācija", not as the "autentifikāciju" of some title. Titles and summaries first; the
            // answers' text only when they have none.
            var typed = SearchAnalyzer.Fold(corrected.ToString(correction.Index, correction.Length));
            var forms = rows.SelectMany(r => SearchAnalyzer.Words(culture, r.Title).Concat(SearchAnalyzer.Words(culture, r.Summary ?? "")))
                .Where(w => w.Terms.Contains(correction.Term)).Select(w => w.Text.ToLowerInvariant()).Distinct().ToList();
            if (forms.Count == 0)
            {
                forms = [.. rows.SelectMany(r => SearchAnalyzer.Words(culture, r.PlainText)).Where(w => w.Terms.Contains(correction.Term))
                    .Select(w => w.Text.ToLowerInvariant()).Distinct().Take(20)];
            }

            var shown = forms.OrderBy(f => SpellingIndex.Distance(typed, SearchAnalyzer.Fold(f))).FirstOrDefault() ?? correction.Term;
            corrected.Remove(correction.Index, correction.Length).Insert(correction.Index, shown);
        }

        return corrected.ToString().Trim();
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
