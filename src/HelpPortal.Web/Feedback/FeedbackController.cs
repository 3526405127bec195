using System.Security.Cryptography;
using System.Text;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.Feedback;

public sealed record FeedbackThanksPage : PortalPage
{
    public required string ArticleKey { get; init; }

    public required string ArticleUrl { get; init; }

    public required bool AskReason { get; init; }
}

/// <summary>
/// "Was this helpful?": one vote per browser per article, a later vote replacing the earlier one. The form sits on
/// cached article pages, so it has no per-visitor state; see <see cref="SameOrigin"/> and docs/feedback.md.
/// </summary>
[Route("{culture:culture}/feedback")]
public sealed class FeedbackController(PortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> text) : Controller
{
    // The stored form of VotedAt, as the model's convention stores every DateTimeOffset.
    private static readonly DateTimeOffsetToUtcTicksConverter TicksConverter = new();

    public static IReadOnlyList<string> Reasons { get; } = ["unclear", "outdated", "not-answered", "other"];

    [HttpPost("")]
    [BodyLimit(4 * 1024)]
    [EnableRateLimiting(RateLimiting.FeedbackPolicy)]
    public async Task<IActionResult> Vote([FromRoute] string culture, [FromForm] VoteInput vote, CancellationToken cancellationToken)
    {
        // The page is the same for everyone, so a bad vote is simply refused: a person never sends one.
        if (!Request.IsSameOrigin() || !ModelState.IsValid || await ArticleSlugAsync(vote.Article!, culture, cancellationToken) is null)
        {
            return BadRequest();
        }

        await SaveVoteAsync(vote.Article!, culture, vote.IsHelpful, vote.Reason, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        var askReason = !vote.IsHelpful && vote.Reason is null;
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Json(new { helpful = vote.Helpful, reason = vote.Reason, askReason });
        }

        return this.SeeOther(PortalUrls.FeedbackThanks(culture, vote.Article!, askReason));
    }

    [HttpGet("thanks")]
    public async Task<IActionResult> Thanks(string culture, string? article, string? ask, CancellationToken cancellationToken)
    {
        var slug = article is null ? null : await ArticleSlugAsync(article, culture, cancellationToken);
        if (slug is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return View("Thanks", new FeedbackThanksPage
        {
            Culture = culture,
            Title = text["Feedback.Thanks"],
            CanonicalUrl = PortalUrls.Article(culture, slug),
            Languages = PortalPage.Everywhere(c => PortalUrls.FeedbackThanks(c, article!, askReason: false)),
            ArticleKey = article!,
            ArticleUrl = PortalUrls.Article(culture, slug),
            AskReason = ask == "reason",
        });
    }

    private Task<string?> ArticleSlugAsync(string article, string culture, CancellationToken cancellationToken)
        => db.ArticleTranslations.AsNoTracking().OfArticle(article, culture).Select(t => t.Slug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// One statement: the first vote of this browser on this article inserts, a later one replaces it — also when the
    /// same browser votes twice at once, which a read-then-write would turn into a unique-index violation.
    /// </summary>
    private async Task SaveVoteAsync(string article, string culture, bool helpful, string? reason, CancellationToken cancellationToken)
    {
        var voter = VoterHash();
        var votedAt = (long)TicksConverter.ConvertToProvider(time.GetUtcNow())!;
        var storedReason = helpful ? null : reason;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ArticleVotes" ("ArticleKey", "Culture", "VoterHash", "Helpful", "Reason", "VotedAt")
            VALUES ({article}, {culture}, {voter}, {helpful}, {storedReason}, {votedAt})
            ON CONFLICT ("ArticleKey", "VoterHash") DO UPDATE SET
                "Culture" = excluded."Culture", "Helpful" = excluded."Helpful", "Reason" = excluded."Reason", "VotedAt" = excluded."VotedAt"
            """,
            cancellationToken);
    }

    /// <summary>A random, meaningless id in a cookie; only its hash is stored, so a vote cannot be traced to anything.</summary>
    private string VoterHash()
    {
        var id = Request.Cookies[FeedbackExtensions.VoterCookie];
        if (id is null || id.Length is < 16 or > 64)
        {
            id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Response.Cookies.Append(FeedbackExtensions.VoterCookie, id, PortalCookies.Essential(Request, FeedbackExtensions.VoterCookieLifetime));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }
}
