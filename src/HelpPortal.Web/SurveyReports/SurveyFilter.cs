using System.Globalization;
using HelpPortal.Web.Data;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using HelpPortal.Web.Survey;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.SurveyReports;

/// <summary>
/// Which survey responses a report or an export covers: a date range (inclusive, UTC days), a language, a source
/// article or a topic, an answer to q1 and a text the written answer contains. The report and both exports (HTTP and
/// command line) read the same filter the same way.
/// </summary>
public sealed record SurveyFilter(DateOnly? From, DateOnly? To, string? Culture, string? Article, string? Topic)
{
    public const int MaxSearchLength = 200;

    /// <summary>Only responses with this answer to q1 (1–5).</summary>
    public int? Satisfaction { get; init; }

    /// <summary>Only responses whose written answer (q5) contains this text, ignoring case.</summary>
    public string? Search { get; init; }

    /// <summary>Reads the filter's text form (query string or command line); <paramref name="errors"/> gets what is wrong.</summary>
    public static SurveyFilter Parse(
        string? from, string? to, string? culture, string? article, string? topic, List<string> errors, string? satisfaction = null, string? search = null)
    {
        var (fromDate, toDate) = DateRange.Parse(from, to, errors);

        culture = string.IsNullOrWhiteSpace(culture) ? null : culture;
        if (culture is not null && !PortalCultures.IsSupported(culture))
        {
            errors.Add($"'culture' must be {string.Join(" or ", PortalCultures.All)}, not '{culture}'.");
        }

        int? satisfactionValue = null;
        if (!string.IsNullOrWhiteSpace(satisfaction))
        {
            if (int.TryParse(satisfaction, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 5)
            {
                satisfactionValue = value;
            }
            else
            {
                errors.Add($"'satisfaction' must be a whole number from 1 to 5, not '{satisfaction}'.");
            }
        }

        search = Blank(search);
        if (search?.Length > MaxSearchLength)
        {
            errors.Add($"'search' must be at most {MaxSearchLength} characters.");
            search = null;
        }

        return new SurveyFilter(fromDate, toDate, culture, Blank(article), Blank(topic)) { Satisfaction = satisfactionValue, Search = search };
    }

    /// <summary>The report's range: the last 30 days when none is given, up to today when only the start is.</summary>
    public SurveyFilter WithDefaultRange(DateOnly today) => (From, To) switch
    {
        (null, null) => this with { From = today.AddDays(-29), To = today },
        (not null, null) => this with { To = today },
        _ => this,
    };

    /// <summary>The number of days the range covers, when it has both ends.</summary>
    public int? Days => From is { } from && To is { } to ? to.DayNumber - from.DayNumber + 1 : null;

    /// <summary>The same filter over the days just before this range, as many as it covers; null without both ends.</summary>
    public SurveyFilter? PreviousPeriod() => From is { } from && Days is { } days
        ? this with { From = from.AddDays(-days), To = from.AddDays(-1) }
        : null;

    /// <summary>The first moment the range covers (UTC midnight of <see cref="From"/>).</summary>
    private DateTimeOffset? Start => From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The first moment after the range (UTC midnight after <see cref="To"/>).</summary>
    private DateTimeOffset? End => To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public IQueryable<SurveyResponse> Apply(PortalDbContext db)
    {
        var query = Search is null ? db.SurveyResponses.AsQueryable() : WithCommentContaining(db, Search);
        if (Start is { } start)
        {
            query = query.Where(r => r.SubmittedAt >= start);
        }

        if (End is { } end)
        {
            query = query.Where(r => r.SubmittedAt < end);
        }

        if (Culture is not null)
        {
            query = query.Where(r => r.Culture == Culture);
        }

        if (Article is not null)
        {
            query = query.Where(r => r.SourceArticle == Article);
        }

        if (Topic is not null)
        {
            var articles = db.Articles.Where(a => a.Topic.Key == Topic).Select(a => a.Key);
            query = query.Where(r => r.SourceArticle != null && articles.Contains(r.SourceArticle));
        }

        if (Satisfaction is { } satisfaction)
        {
            query = query.Where(r => r.Satisfaction == satisfaction);
        }

        return query;
    }

    /// <summary>
    /// The responses whose written answer contains <paramref name="text"/>, ignoring case in every alphabet (an admin
    /// looking for "ļoti" must find "Ļoti"), with % and _ taken literally.
    /// </summary>
    private static IQueryable<SurveyResponse> WithCommentContaining(PortalDbContext db, string text)
    {
        if (db.IsPostgres())
        {
            // ILIKE folds case by the column's collation; the ICU root collation folds every alphabet, whatever locale
            // the database was created with (with "C", ILIKE would fold only A–Z).
            var pattern = "%" + EscapeLike(text) + "%";
            return db.SurveyResponses.Where(r => EF.Functions.ILike(EF.Functions.Collate(r.Comment!, "und-x-icu"), pattern, "\\"));
        }

        // SQLite's lower() and LIKE fold only A–Z, so the connection gets a function that folds as .NET does, and instr()
        // looks for the text as it is (no wildcards to escape). Registered on the connection object, it is re-applied
        // whenever that connection opens.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.CreateFunction(FoldFunction, (string? value) => value?.ToLowerInvariant(), isDeterministic: true);
        return db.SurveyResponses.FromSqlRaw(CommentSearchSql, text.ToLowerInvariant());
    }

    // The written answer's column is named after its question's code (q5 → Q5), as SurveyResponseConfiguration names it.
    private static readonly string CommentSearchSql = string.Concat(
        "SELECT * FROM \"SurveyResponses\" WHERE instr(", FoldFunction, "(\"", SurveyQuestions.Comment.Code.ToUpperInvariant(), "\"), {0}) > 0");

    private const string FoldFunction = "portal_fold";

    /// <summary>The text with LIKE's wildcards and its escape character taken literally (escape character: backslash).</summary>
    public static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>
    /// The "Was this helpful?" votes the same filter covers, for the article-health table: cast in the range, on a
    /// page in the language, on the article or the topic's articles.
    /// </summary>
    public IQueryable<ArticleVote> ApplyToVotes(PortalDbContext db)
    {
        var query = db.ArticleVotes.AsQueryable();
        if (Start is { } start)
        {
            query = query.Where(v => v.VotedAt >= start);
        }

        if (End is { } end)
        {
            query = query.Where(v => v.VotedAt < end);
        }

        if (Culture is not null)
        {
            query = query.Where(v => v.Culture == Culture);
        }

        if (Article is not null)
        {
            query = query.Where(v => v.ArticleKey == Article);
        }

        if (Topic is not null)
        {
            var articles = db.Articles.Where(a => a.Topic.Key == Topic).Select(a => a.Key);
            query = query.Where(v => articles.Contains(v.ArticleKey));
        }

        return query;
    }

    /// <summary>The filter as query-string values, for links that keep it (export, paging, sorting).</summary>
    public Dictionary<string, string?> ToRouteValues() => new()
    {
        ["from"] = From?.ToString(DateRange.DateFormat, CultureInfo.InvariantCulture),
        ["to"] = To?.ToString(DateRange.DateFormat, CultureInfo.InvariantCulture),
        ["culture"] = Culture,
        ["article"] = Article,
        ["topic"] = Topic,
        ["satisfaction"] = Satisfaction?.ToString(CultureInfo.InvariantCulture),
        ["search"] = Search,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
