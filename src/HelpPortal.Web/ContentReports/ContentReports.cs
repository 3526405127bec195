using HelpPortal.Web.Content;
using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.ContentReports;

public sealed record FeedbackRow(string Key, string Culture, string Title, string Url, int Yes, int No, IReadOnlyDictionary<string, int> Reasons, int SurveyResponses)
{
    public int Votes => Yes + No;

    public double? ShareHelpful => Votes == 0 ? null : Yes / (double)Votes;
}

public enum FeedbackSort
{
    Worst,
    Votes,
    Surveys,
}

public sealed record CoverageCell(string Culture, TranslationState State, DateOnly? Updated, string? Url);

public sealed record CoverageRow(string Key, string Title, string Topic, IReadOnlyList<CoverageCell> Cells);

/// <summary>An article file's <c>review_note:</c>: a fact an editor should verify before it is relied on.</summary>
public sealed record ReviewNoteRow(string Key, string Culture, string Title, string Url, string Note);

public sealed record SearchMissRow(string Culture, string Query, int Searches);

/// <summary>The content team's reports: which answers fail, what people search for in vain, what is left to translate.</summary>
public static class ContentReports
{
    public static async Task<IReadOnlyList<FeedbackRow>> FeedbackAsync(PortalDbContext db, FeedbackSort sort, CancellationToken cancellationToken)
    {
        var votes = await db.ArticleVotes.AsNoTracking()
            .GroupBy(v => new { v.ArticleKey, v.Culture, v.Helpful, v.Reason })
            .Select(g => new { g.Key.ArticleKey, g.Key.Culture, g.Key.Helpful, g.Key.Reason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var surveys = await db.SurveyResponses.AsNoTracking().Where(r => r.SourceArticle != null)
            .GroupBy(r => new { r.SourceArticle, r.Culture })
            .Select(g => new { g.Key.SourceArticle, g.Key.Culture, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var translations = await db.ArticleTranslations.AsNoTracking()
            .Select(t => new { t.Article.Key, t.Culture, t.Title, t.Slug })
            .ToListAsync(cancellationToken);

        var votesOf = votes.ToLookup(v => (v.ArticleKey, v.Culture));
        var surveysOf = surveys.ToDictionary(s => (s.SourceArticle!, s.Culture), s => s.Count);
        var rows = translations.Select(t =>
        {
            var mine = votesOf[(t.Key, t.Culture)].ToList();
            return new FeedbackRow(
                t.Key, t.Culture, t.Title, PortalUrls.Article(t.Culture, t.Slug),
                mine.Where(v => v.Helpful).Sum(v => v.Count),
                mine.Where(v => !v.Helpful).Sum(v => v.Count),
                mine.Where(v => !v.Helpful && v.Reason != null).GroupBy(v => v.Reason!).ToDictionary(g => g.Key, g => g.Sum(v => v.Count)),
                surveysOf.GetValueOrDefault((t.Key, t.Culture)));
        });

        return sort switch
        {
            FeedbackSort.Votes => [.. rows.OrderByDescending(r => r.Votes).ThenBy(r => r.Title, StringComparer.Ordinal)],
            FeedbackSort.Surveys => [.. rows.OrderByDescending(r => r.SurveyResponses).ThenBy(r => r.Title, StringComparer.Ordinal)],

            // Worst first: the lowest share of "yes" among answers with votes, more "no" votes breaking ties; unvoted last.
            _ => [.. rows.OrderBy(r => r.ShareHelpful ?? 2).ThenByDescending(r => r.No).ThenBy(r => r.Title, StringComparer.Ordinal)],
        };
    }

    public static async Task<IReadOnlyList<CoverageRow>> CoverageAsync(PortalDbContext db, string culture, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking()
            .OrderBy(a => a.Topic.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Key,
                Topic = a.Topic.Translations.Where(t => t.Culture == culture).Select(t => t.Name).FirstOrDefault(),
                Translations = a.Translations.Select(t => new { t.Culture, t.Title, t.Slug, t.UpdatedOn }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return [.. articles.Select(a =>
        {
            var title = (a.Translations.FirstOrDefault(t => t.Culture == culture) ?? a.Translations[0]).Title;
            var cells = PortalCultures.All.Select(c =>
            {
                var mine = a.Translations.FirstOrDefault(t => t.Culture == c);
                var newestOther = a.Translations.Where(t => t.Culture != c).Max(t => t.UpdatedOn);
                return new CoverageCell(c, Translations.State(mine is not null, mine?.UpdatedOn, newestOther), mine?.UpdatedOn,
                    mine is null ? null : PortalUrls.Article(c, mine.Slug));
            }).ToList();
            return new CoverageRow(a.Key, title, a.Topic ?? "", cells);
        })];
    }

    /// <summary>Every translation with a review note, in topic and article order, then by language.</summary>
    public static async Task<IReadOnlyList<ReviewNoteRow>> ReviewNotesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var notes = await db.ArticleTranslations.AsNoTracking()
            .Where(t => t.ReviewNote != null)
            .OrderBy(t => t.Article.Topic.SortOrder).ThenBy(t => t.Article.SortOrder).ThenBy(t => t.Article.Key).ThenBy(t => t.Culture)
            .Select(t => new { t.Article.Key, t.Culture, t.Title, t.Slug, t.ReviewNote })
            .ToListAsync(cancellationToken);
        return [.. notes.Select(n => new ReviewNoteRow(n.Key, n.Culture, n.Title, PortalUrls.Article(n.Culture, n.Slug), n.ReviewNote!))];
    }

    /// <summary>Most searched first; queries searched equally often by their bytes, so the CSV is the same on every database.</summary>
    public static IQueryable<SearchMissRow> SearchMisses(PortalDbContext db, DateOnly from, DateOnly to)
    {
        var byteOrder = db.ByteOrder();
        return db.SearchMisses.AsNoTracking()
            .Where(m => m.Day >= from && m.Day <= to)
            .GroupBy(m => new { m.Culture, m.Query })
            .Select(g => new { g.Key.Culture, g.Key.Query, Searches = g.Sum(m => m.Count) })
            .OrderBy(r => r.Culture).ThenByDescending(r => r.Searches).ThenBy(r => EF.Functions.Collate(r.Query, byteOrder))
            .Select(r => new SearchMissRow(r.Culture, r.Query, r.Searches));
    }
}
