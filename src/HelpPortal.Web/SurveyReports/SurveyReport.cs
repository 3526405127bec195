using System.Globalization;
using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using HelpPortal.Web.Survey;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.SurveyReports;

/// <param name="Display">What the chart writes after the bar; by default the count and the share.</param>
public sealed record Bar(string Label, int Count, double Share, string? Display = null);

public sealed record BarChart(string Id, string Title, IReadOnlyList<Bar> Bars);

public sealed record QuestionSummary(SurveyQuestion Question, string Text, double AnsweredShare, double? Average, BarChart Chart);

/// <param name="Satisfied">Responses answering 4 or 5 to q1, for the week's CSAT.</param>
public sealed record WeekPoint(DateOnly WeekStart, int Responses, int Satisfied, double AverageSatisfaction)
{
    /// <summary>
    /// Below this many answers a week's CSAT moves by 10 points or more with a single answer, and is marked as too few
    /// to mean much rather than hidden.
    /// </summary>
    public const int MinAnswers = 10;

    public bool TooFew => Responses < MinAnswers;

    public double Csat => Satisfied / (double)Responses;
}


public sealed record Comment(Guid Id, DateTimeOffset SubmittedAt, string Culture, string? Article, string Text);

public enum ArticleSort
{
    /// <summary>Least healthy first: the lowest <see cref="ArticleHealthRow.Score"/>.</summary>
    Score,
    Satisfaction,
    ShareNo,
    Responses,
}

/// <summary>
/// The numbers behind the admin dashboard, for one filter. Counts and distributions are computed by the database; only
/// the weekly series is folded in memory, from a stream of two columns.
/// </summary>
public sealed record SurveyReport(
    SurveyHeadline Headline,
    int Responses,
    double? MedianCompletionSeconds,
    IReadOnlyList<QuestionSummary> Questions,
    IReadOnlyList<WeekPoint> Weeks,
    IReadOnlyList<ArticleHealthRow> Articles,
    IReadOnlyList<Comment> Comments,
    int CommentPages)
{
    public const int CommentsPerPage = 20;

    public static async Task<SurveyReport> BuildAsync(
        PortalDbContext db, SurveyFilter filter, string culture, ArticleSort sort, int commentPage, CancellationToken cancellationToken)
    {
        var responses = filter.Apply(db).AsNoTracking();
        var headline = await SurveyHeadline.BuildAsync(db, filter, cancellationToken);
        var total = headline.Current.Responses;

        var titles = await db.ArticleTranslations.AsNoTracking()
            .OrderBy(t => t.Culture == culture ? 0 : 1)
            .Select(t => new { t.Article.Key, t.Title, t.Culture, t.Slug })
            .ToListAsync(cancellationToken);
        var articleTitles = titles.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First());
        var topicNames = await db.TopicTranslations.AsNoTracking().Where(t => t.Culture == culture)
            .OrderBy(t => t.Topic.SortOrder).Select(t => new { t.Topic.Key, t.Name }).ToListAsync(cancellationToken);

        var questions = new List<QuestionSummary>();
        foreach (var question in SurveyQuestions.All)
        {
            questions.Add(await SummariseAsync(responses, question, culture, total, [.. topicNames.Select(t => (t.Key, t.Name))], cancellationToken));
        }

        var perArticle = await responses.Where(r => r.SourceArticle != null)
            .GroupBy(r => r.SourceArticle!)
            .Select(g => new
            {
                Key = g.Key,
                Count = g.Count(),
                Satisfied = g.Count(r => r.Satisfaction >= SurveyHeadline.SatisfiedFrom),
                Average = g.Average(r => (double)r.Satisfaction),
                No = g.Count(r => r.FoundAnswer == SurveyQuestions.AnswerNotFound),
            })
            .ToDictionaryAsync(a => a.Key, cancellationToken);
        var votes = await filter.ApplyToVotes(db).AsNoTracking()
            .GroupBy(v => new { v.ArticleKey, v.Helpful, v.Reason })
            .Select(g => new { g.Key.ArticleKey, g.Key.Helpful, g.Key.Reason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var votesByArticle = votes.ToLookup(v => v.ArticleKey);
        var links = titles.GroupBy(t => t.Key).ToDictionary(
            g => g.Key, g => (IReadOnlyList<ArticleLink>)[.. g.OrderBy(t => t.Culture == culture ? 0 : 1).Select(t => new ArticleLink(t.Culture, PortalUrls.Article(t.Culture, t.Slug)))]);
        var rows = perArticle.Keys.Union(votesByArticle.Select(v => v.Key)).Select(key =>
        {
            var survey = perArticle.GetValueOrDefault(key);
            var its = votesByArticle[key].ToList();
            return new ArticleHealthRow(
                key,
                articleTitles.GetValueOrDefault(key)?.Title ?? key,
                links.GetValueOrDefault(key) ?? [],
                survey?.Count ?? 0,
                survey?.Satisfied ?? 0,
                survey?.Average,
                survey?.No ?? 0,
                its.Where(v => v.Helpful).Sum(v => v.Count),
                its.Where(v => !v.Helpful).Sum(v => v.Count),
                [.. its.Where(v => !v.Helpful && v.Reason != null).GroupBy(v => v.Reason!)
                    .Select(g => KeyValuePair.Create(g.Key, g.Sum(v => v.Count))).OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)]);
        });

        // Rows without the sorted figure (no survey answers, or no votes and answers at all) come last in every order.
        var articles = sort switch
        {
            ArticleSort.ShareNo => rows.OrderBy(a => a.ShareNo is null).ThenByDescending(a => a.ShareNo).ThenBy(a => a.AverageSatisfaction),
            ArticleSort.Responses => rows.OrderByDescending(a => a.Responses).ThenBy(a => a.AverageSatisfaction),
            ArticleSort.Satisfaction => rows.OrderBy(a => a.AverageSatisfaction is null).ThenBy(a => a.AverageSatisfaction).ThenByDescending(a => a.ShareNo),
            _ => rows.OrderBy(a => a.Score).ThenByDescending(a => a.Votes + a.Responses),
        };

        var withText = responses.Where(r => r.Comment != null && r.Comment != "");
        var commentCount = await withText.CountAsync(cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(commentCount / (double)CommentsPerPage));
        var page = Math.Clamp(commentPage, 1, pages);
        var comments = await withText.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * CommentsPerPage).Take(CommentsPerPage)
            .Select(r => new { r.Id, r.SubmittedAt, r.Culture, r.SourceArticle, r.Comment })
            .ToListAsync(cancellationToken);

        return new SurveyReport(
            headline,
            total,
            headline.Current.MedianSeconds,
            questions,
            await WeeksAsync(responses, cancellationToken),
            [.. articles],
            [.. comments.Select(c => new Comment(c.Id, c.SubmittedAt, c.Culture, c.SourceArticle is null ? null : articleTitles.GetValueOrDefault(c.SourceArticle)?.Title ?? c.SourceArticle, c.Comment!))],
            pages);
    }

    private static async Task<QuestionSummary> SummariseAsync(
        IQueryable<SurveyResponse> responses, SurveyQuestion question, string culture, int total, List<(string Key, string Name)> topics, CancellationToken cancellationToken)
    {
        var text = question.Text.In(culture);
        if (question.Kind == QuestionKind.Text)
        {
            var answered = await question.Column.CountAnsweredAsync(responses, cancellationToken);
            return new QuestionSummary(question, text, Share(answered, total), null, new BarChart(question.Code, text, []));
        }

        var byCode = await question.Column.CountAsync(responses, cancellationToken);
        IEnumerable<(string Code, string Label)> options = question.Kind == QuestionKind.Topic
            ? topics.Concat(question.Options.Select(o => (o.Code, o.Label.In(culture))))
            : question.Options.Select(o => (o.Code, question.Kind == QuestionKind.Scale ? $"{o.Code} – {o.Label.In(culture)}" : o.Label.In(culture)));
        var bars = options.Select(o => new Bar(o.Label, byCode.GetValueOrDefault(o.Code), Share(byCode.GetValueOrDefault(o.Code), total))).ToList();
        var answeredCount = byCode.Values.Sum();
        double? average = question.Kind == QuestionKind.Scale && answeredCount > 0
            ? byCode.Sum(c => int.Parse(c.Key, CultureInfo.InvariantCulture) * c.Value) / (double)answeredCount
            : null;
        return new QuestionSummary(question, text, Share(answeredCount, total), average, new BarChart(question.Code, text, bars));
    }

    private static async Task<IReadOnlyList<WeekPoint>> WeeksAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken)
    {
        var weeks = new SortedDictionary<DateOnly, (int Count, int Satisfied, long Sum)>();
        await foreach (var row in responses.Select(r => new { r.SubmittedAt, r.Satisfaction }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var day = DateOnly.FromDateTime(row.SubmittedAt.UtcDateTime);
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            var (count, satisfied, sum) = weeks.GetValueOrDefault(monday);
            weeks[monday] = (count + 1, satisfied + (row.Satisfaction >= SurveyHeadline.SatisfiedFrom ? 1 : 0), sum + row.Satisfaction);
        }

        return [.. weeks.Select(w => new WeekPoint(w.Key, w.Value.Count, w.Value.Satisfied, w.Value.Sum / (double)w.Value.Count))];
    }

    private static double Share(int part, int total) => total == 0 ? 0 : part / (double)total;
}
