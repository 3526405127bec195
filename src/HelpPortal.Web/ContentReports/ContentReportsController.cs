using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HelpPortal.Web.Admin;
using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.ContentReports;

[method: SetsRequiredMembers]
public sealed record FeedbackReportPage(AdminPageHeader Header, IReadOnlyList<FeedbackRow> Rows, FeedbackSort Sort) : AdminPage(Header);

[method: SetsRequiredMembers]
public sealed record SearchMissesPage(
    AdminPageHeader Header, DateOnly From, DateOnly To, IReadOnlyList<string> FilterErrors, IReadOnlyList<SearchMissRow> Rows) : AdminPage(Header)
{
    public override bool HasErrors => FilterErrors.Count > 0;
}

[method: SetsRequiredMembers]
public sealed record CoveragePage(AdminPageHeader Header, IReadOnlyList<CoverageRow> Rows, IReadOnlyList<ReviewNoteRow> ReviewNotes) : AdminPage(Header);

/// <summary>Reports for the content team: article feedback, failed searches (with CSV), translation coverage.</summary>
[Route("{culture:culture}/admin")]
[Authorize(Policy = AdminSetup.Policy)]
public sealed class ContentReportsController(PortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> text) : Controller
{
    private const int MissesPerLanguage = 100;

    [HttpGet("feedback")]
    public async Task<IActionResult> Feedback(string culture, FeedbackSort sort = FeedbackSort.Worst, CancellationToken cancellationToken = default)
        => View("Feedback", new FeedbackReportPage(
            Header(culture, "Admin.Feedback.Title", "feedback"), await ContentReports.FeedbackAsync(db, sort, cancellationToken), sort));

    [HttpGet("search-misses")]
    public async Task<IActionResult> SearchMisses(string culture, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var (start, end) = Range(from, to, errors);
        var rows = await ContentReports.SearchMisses(db, start, end).ToListAsync(cancellationToken);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("SearchMisses", new SearchMissesPage(
            Header(culture, "Admin.Misses.Title", "search-misses"),
            From: start,
            To: end,
            FilterErrors: errors,
            Rows: [.. rows.GroupBy(r => r.Culture).SelectMany(g => g.Take(MissesPerLanguage))]));
    }

    [HttpGet("search-misses.csv")]
    public async Task<IActionResult> SearchMissesCsv(string culture, string? from, string? to, string? delimiter, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var (start, end) = Range(from, to, errors);
        var options = CsvOptions.Parse(delimiter, headers: null, culture, errors);
        if (errors.Count > 0)
        {
            return BadRequest(string.Join(Environment.NewLine, errors));
        }

        Response.StartCsvDownload($"search-misses-{Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
        await CsvExport.WriteAsync(
            ContentReports.SearchMisses(db, start, end).AsAsyncEnumerable(),
            ["culture", "query", "searches"],
            row => [row.Culture, row.Query, row.Searches.ToString(CultureInfo.InvariantCulture)],
            Response.Body, options.Delimiter, cancellationToken);
        return new EmptyResult();
    }

    [HttpGet("coverage")]
    public async Task<IActionResult> Coverage(string culture, CancellationToken cancellationToken)
        => View("Coverage", new CoveragePage(
            Header(culture, "Admin.Coverage.Title", "coverage"), await ContentReports.CoverageAsync(db, culture, cancellationToken),
            await ContentReports.ReviewNotesAsync(db, cancellationToken)));

    private AdminPageHeader Header(string culture, string titleKey, string path)
        => AdminPageHeader.For(culture, text[titleKey], c => AdminUrls.Page(c, path, null));

    private (DateOnly From, DateOnly To) Range(string? from, string? to, List<string> errors)
    {
        var range = DateRange.Parse(from, to, errors);
        var today = Today();
        return errors.Count > 0 ? (today.AddDays(-29), today) : (range.From ?? today.AddDays(-29), range.To ?? today);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
