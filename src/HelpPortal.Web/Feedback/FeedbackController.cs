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
    public const string VoterCookie = "hp_voter";

    public static IReadOnlyList<string> Reasons { get; } = ["unclear", "outdated", "not-answered", "other"];

    [HttpPost("")]
    [RequestSizeLimit(4 * 1024)]
    [EnableRateLimiting(RateLimiting.FeedbackPolicy)]
    public async Task<IActionResult> Vote(string culture, [FromForm] string? article, [FromForm] string? helpful, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        if (!Request.IsSameOrigin())
        {
            return BadRequest();
        }

        var slug = article is null ? null : await ArticleSlugAsync(article, culture, cancellationToken);
        if (slug is null || helpful is not ("yes" or "no") || (reason is not null && (helpful == "yes" || !Reasons.Contains(reason))))
        {
            return BadRequest();
        }

        await SaveVoteAsync(article!, culture, helpful == "yes", reason, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        var askReason = helpful == "no" && reason is null;
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Json(new { helpful, reason, askReason });
        }

        return this.SeeOther(PortalUrls.FeedbackThanks(culture, article!, askReason));
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

    private async Task SaveVoteAsync(string article, string culture, bool helpful, string? reason, CancellationToken cancellationToken)
    {
        var voter = VoterHash();
        for (var attempt = 0; ; attempt++)
        {
            var vote = await db.ArticleVotes.SingleOrDefaultAsync(v => v.ArticleKey == article && v.VoterHash == voter, cancellationToken);
            if (vote is null)
            {
                vote = new ArticleVote { ArticleKey = article, Culture = culture, VoterHash = voter };
                db.ArticleVotes.Add(vote);
            }

            vote.Culture = culture;
            vote.Helpful = helpful;
            vote.Reason = helpful ? null : reason;
            vote.VotedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same browser voted twice at once and the other request created the row: update that one instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A random, meaningless id in a cookie; only its hash is stored, so a vote cannot be traced to anything.</summary>
    private string VoterHash()
    {
        var id = Request.Cookies[VoterCookie];
        if (id is null || id.Length is < 16 or > 64)
        {
            id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Response.Cookies.Append(VoterCookie, id, PortalCookies.Essential(Request, TimeSpan.FromDays(365)));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }
}
