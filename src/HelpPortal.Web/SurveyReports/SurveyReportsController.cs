using System.Globalization;
using HelpPortal.Web.Admin;
using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using HelpPortal.Web.Survey;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.SurveyReports;

/// <summary>The survey dashboard, deleting a response, and the CSV export. Every action needs an admin with a second factor.</summary>
[Route("{culture:culture}/admin")]
[Authorize(Policy = AdminSetup.Policy)]
[AutoValidateAntiforgeryToken]
public sealed partial class SurveyReportsController(
    PortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> text, ILogger<SurveyReportsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        string culture, string? from, string? to, [FromQuery(Name = "culture")] string? language, string? article, string? topic,
        string? satisfaction, string? search, ArticleSort sort = ArticleSort.Score, int page = 1, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var filter = SurveyFilter.Parse(from, to, language, article, topic, errors, satisfaction, search).WithDefaultRange(Today());
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            filter = new SurveyFilter(null, null, null, null, null).WithDefaultRange(Today());
        }

        var report = await SurveyReport.BuildAsync(db, filter, culture, sort, page, cancellationToken);
        var topics = await db.TopicTranslations.AsNoTracking().Where(t => t.Culture == culture).OrderBy(t => t.Topic.SortOrder)
            .Select(t => new FilterChoice(t.Topic.Key, t.Name)).ToListAsync(cancellationToken);
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Topic.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => new { a.Key, Titles = a.Translations.Select(t => new { t.Culture, t.Title }).ToList() })
            .ToListAsync(cancellationToken);

        return View("Index", new ReportPage(
            AdminPageHeader.For(culture, text["Admin.Reports.Title"], c => AdminUrls.Page(c, "", null), c => AdminUrls.Reports(c, filter.ToRouteValues())),
            Filter: filter,
            FilterErrors: errors,
            Report: report,
            Headline: new HeadlineWords(text, culture).Describe(report.Headline),
            QuestionCharts: [.. report.Questions.Where(q => q.Chart.Bars.Count > 0).Select(q => new QuestionChart(q, SvgBarChart.Draw(q.Chart)))],
            CsatChart: report.Weeks.Count == 0 ? null : CsatChart(report.Weeks),
            ResponsesChart: report.Weeks.Count == 0 ? null : ResponsesChart(report.Weeks),
            Sort: sort,
            CommentPage: Math.Clamp(page, 1, report.CommentPages),
            Topics: topics,
            Articles: [.. articles.Select(a => new FilterChoice(a.Key, (a.Titles.FirstOrDefault(t => t.Culture == culture) ?? a.Titles[0]).Title))],
            SignedInAs: User.Identity?.Name ?? ""));
    }

    [HttpGet("responses/{id:guid}/delete")]
    public async Task<IActionResult> Delete(string culture, Guid id, CancellationToken cancellationToken)
    {
        var response = await db.SurveyResponses.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return response is null ? NotFound() : View("Delete", new DeleteResponsePage(
            AdminPageHeader.For(culture, text["Admin.Delete.Title"], c => AdminUrls.DeleteResponse(c, id)),
            new Comment(response.Id, response.SubmittedAt, response.Culture, response.SourceArticle, response.Comment ?? ""),
            [.. SurveyQuestions.All.Where(q => q.Kind != QuestionKind.Text).Select(q => (q.Code, q.Column.Read(response) ?? ""))]));
    }

    [HttpPost("responses/{id:guid}/delete")]
    public async Task<IActionResult> ConfirmDelete(string culture, Guid id, CancellationToken cancellationToken)
    {
        var deleted = await db.SurveyResponses.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return NotFound();
        }

        LogDeleted(logger, User.Identity?.Name, id);
        return Redirect(AdminUrls.Page(culture, "", null));
    }

    [HttpGet("survey/export.csv")]
    public async Task<IActionResult> Export(
        string culture, string? from, string? to, [FromQuery(Name = "culture")] string? language, string? article, string? topic,
        string? satisfaction, string? search, string? headers, string? delimiter, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var filter = SurveyFilter.Parse(from, to, language, article, topic, errors, satisfaction, search);
        var options = CsvOptions.Parse(delimiter, headers, culture, errors);
        if (errors.Count > 0)
        {
            return BadRequest(string.Join(Environment.NewLine, errors));
        }

        Response.StartCsvDownload(SurveyCsv.FileName(Today()));

        // Streamed: rows go to the client as the database yields them, so memory stays flat for any number of responses.
        var rows = await SurveyCsv.WriteAsync(db, filter, Response.Body, options, cancellationToken);
        LogExported(logger, User.Identity?.Name, rows, filter);
        return new EmptyResult();
    }

    /// <summary>
    /// CSAT per week on the whole 0–100 % scale: a share has a natural zero and top, and a cut axis would turn a
    /// two-point wobble into a cliff. Weeks with too few answers are drawn hollow, with dashed lines.
    /// </summary>
    private SvgLineChart CsatChart(IReadOnlyList<WeekPoint> weeks) => SvgLineChart.Draw(new LineChart(
        "weeks-csat",
        text["Admin.Trend.CsatTitle"],
        [.. weeks.Select(w => new LinePoint(
            WeekLabel(w),
            w.Csat,
            string.Format(CultureInfo.CurrentCulture, text[w.TooFew ? "Admin.Trend.CsatPointTooFew" : "Admin.Trend.CsatPoint"], w.Csat.ToString("P0", CultureInfo.CurrentCulture), w.Responses),
            w.TooFew))],
        1,
        [.. Enumerable.Range(0, 5).Select(i => (i / 4.0, (i / 4.0).ToString("P0", CultureInfo.CurrentCulture)))]));

    /// <summary>Responses per week on an axis from 0 to a round number above the busiest week.</summary>
    private SvgLineChart ResponsesChart(IReadOnlyList<WeekPoint> weeks)
    {
        var (max, gridlines) = SvgLineChart.CountScale(weeks.Max(w => w.Responses));
        return SvgLineChart.Draw(new LineChart(
            "weeks-responses",
            text["Admin.Trend.ResponsesTitle"],
            [.. weeks.Select(w => new LinePoint(WeekLabel(w), w.Responses, w.Responses.ToString("N0", CultureInfo.CurrentCulture), TooFew: false))],
            max,
            gridlines));
    }

    private static string WeekLabel(WeekPoint week) => week.WeekStart.ToString("d", CultureInfo.CurrentCulture);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [LoggerMessage(LogLevel.Information, "Admin {Admin} deleted survey response {ResponseId}")]
    private static partial void LogDeleted(ILogger logger, string? admin, Guid responseId);

    [LoggerMessage(LogLevel.Information, "Admin {Admin} exported {Rows} survey responses ({@Filter})")]
    private static partial void LogExported(ILogger logger, string? admin, int rows, SurveyFilter filter);
}
