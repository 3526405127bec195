using System.Globalization;
using System.Security.Cryptography;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Survey;

/// <summary>The five-question satisfaction survey: the form, its submission, the thank-you page and the prompt's "Not now".</summary>
[Route("{culture:culture}/survey")]
public sealed class SurveyController(
    PortalDbContext db,
    SurveyWriter writer,
    IAntiforgery antiforgery,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    IOptions<SurveyOptions> options,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The largest survey POST accepted (a full honest form is about 10 KB even with 1,000 encoded Latvian letters).</summary>
    public const int MaxRequestBodyBytes = 32 * 1024;

    private static readonly TimeSpan CompletedPromptLifetime = TimeSpan.FromDays(5 * 365);

    private IDataProtector StartedStamp => dataProtection.CreateProtector("HelpPortal.Survey.Started");

    [HttpGet("")]
    public async Task<IActionResult> Form(string culture, string? from, CancellationToken cancellationToken)
    {
        var source = await KnownArticleAsync(from, cancellationToken);
        return View("Form", await FormPageAsync(culture, source, values: null, errors: [], cancellationToken));
    }

    [HttpPost("")]
    [RequestSizeLimit(MaxRequestBodyBytes)]
    [EnableRateLimiting(RateLimiting.SurveyPolicy)]
    public async Task<IActionResult> Submit(string culture, CancellationToken cancellationToken)
    {
        // [RequestSizeLimit] makes Kestrel stop reading any longer body (chunked included); a declared length over the
        // limit is refused here before a byte is read, on every server.
        if (Request.ContentLength > MaxRequestBodyBytes)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!Request.HasFormContentType)
        {
            return BadRequest();
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var topicKeys = (await db.Topics.Select(t => t.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var submission = SurveySubmission.Read(form, topicKeys);
        var source = await KnownArticleAsync(submission.Value(SurveySubmission.FromField), cancellationToken);

        // Each check adds to the errors shown at the top; nothing is stored unless all pass.
        var errors = submission.Errors.ToList();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            errors.Insert(0, new SurveyError("form", "Survey.Error.Antiforgery"));
        }

        var started = ReadStartedStamp(submission.Value(SurveySubmission.StartedField));
        if (started is null)
        {
            errors.Add(new SurveyError("form", "Survey.Error.Expired"));
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await FormPageAsync(culture, source, submission.Values, errors, cancellationToken));
        }

        if (!submission.IsHoneypotFilled)
        {
            var now = time.GetUtcNow();
            var seconds = (int)Math.Clamp((now - started!.Value).TotalSeconds, 0, int.MaxValue);
            await writer.SaveAsync(submission.ToResponse(Guid.CreateVersion7(now), now, culture, source, seconds), cancellationToken);
        }

        // A bot that filled the honeypot gets the same answer as a person, so it learns nothing.
        SurveyPrompt.Remember(Response, SurveyPrompt.Completed, CompletedPromptLifetime);
        return this.SeeOther(PortalUrls.SurveyThanks(culture, source));
    }

    [HttpGet("thanks")]
    public async Task<IActionResult> Thanks(string culture, string? from, CancellationToken cancellationToken)
    {
        var article = from is null ? null : await db.ArticleTranslations.AsNoTracking()
            .OfArticle(from, culture)
            .Select(t => new { t.Slug, t.Title })
            .FirstOrDefaultAsync(cancellationToken);

        return View("Thanks", new SurveyThanksPage
        {
            Culture = culture,
            Title = text["Survey.Thanks.Title"],
            CanonicalUrl = PortalUrls.SurveyThanks(culture),
            Languages = PortalPage.Everywhere(c => PortalUrls.SurveyThanks(c, article is null ? null : from)),
            OffersSurvey = false,
            BackUrl = article is null ? PortalUrls.Home(culture) : PortalUrls.Article(culture, article.Slug),
            BackText = article is null ? text["Survey.Thanks.BackHome"] : string.Format(CultureInfo.CurrentCulture, text["Survey.Thanks.BackToArticle"], article.Title),
        });
    }

    /// <summary>
    /// "Not now" on the prompt. The prompt sits on cached pages that are the same for everyone, so this form carries no
    /// antiforgery token; a cross-site request is refused by the browser's Sec-Fetch-Site / Origin instead. The worst a
    /// forged request could do is hide a survey prompt.
    /// </summary>
    [HttpPost("dismiss")]
    [RequestSizeLimit(4 * 1024)]
    public IActionResult Dismiss(string culture, [FromForm] string? returnUrl)
    {
        if (!Request.IsSameOrigin())
        {
            return BadRequest();
        }

        SurveyPrompt.Remember(Response, SurveyPrompt.Dismissed, options.Value.PromptDismissal);
        var target = Url.SafeReturnUrl(returnUrl, PortalUrls.Home(culture));
        return this.SeeOther(target);
    }

    private async Task<string?> KnownArticleAsync(string? key, CancellationToken cancellationToken)
        => key is not null && await db.Articles.AnyAsync(a => a.Key == key, cancellationToken) ? key : null;

    private string NewStartedStamp()
        => StartedStamp.Protect(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    private DateTimeOffset? ReadStartedStamp(string? stamp)
    {
        if (stamp is null)
        {
            return null;
        }

        try
        {
            var started = new DateTimeOffset(long.Parse(StartedStamp.Unprotect(stamp), CultureInfo.InvariantCulture), TimeSpan.Zero);
            var age = time.GetUtcNow() - started;
            return age >= TimeSpan.Zero && age <= options.Value.FormLifetime ? started : null;
        }
        catch (CryptographicException)
        {
            return null; // Tampered with, or made by another installation's keys.
        }
    }

    private async Task<SurveyFormPage> FormPageAsync(
        string culture, string? source, IReadOnlyDictionary<string, string>? values, IReadOnlyList<SurveyError> errors, CancellationToken cancellationToken)
    {
        var topics = await db.TopicTranslations.AsNoTracking()
            .Where(t => t.Culture == culture)
            .OrderBy(t => t.Topic.SortOrder)
            .Select(t => new { t.Topic.Key, t.Name })
            .ToListAsync(cancellationToken);

        string Message(SurveyError error) => string.Format(CultureInfo.CurrentCulture, text[error.MessageKey], error.Argument);

        var questions = SurveyQuestions.All.Select((question, index) =>
        {
            var value = values?.GetValueOrDefault(question.Code);
            IEnumerable<(string Code, string Label)> options = question.Kind == QuestionKind.Topic
                ? topics.Select(t => (t.Key, t.Name)).Concat(question.Options.Select(o => (o.Code, o.Label.In(culture))))
                : question.Options.Select(o => (o.Code, o.Label.In(culture)));
            var error = errors.FirstOrDefault(e => e.Field == question.Code);
            return new QuestionView(
                question, index + 1, question.Text.In(culture),
                [.. options.Select(o => new OptionView(o.Code, o.Label, o.Code == value))],
                value, error is null ? null : Message(error));
        }).ToList();

        return new SurveyFormPage
        {
            Culture = culture,
            Title = text["Survey.Title"],
            Description = text["Survey.Intro"],
            CanonicalUrl = PortalUrls.Survey(culture),
            Languages = PortalPage.Everywhere(c => PortalUrls.Survey(c, source)),
            OffersSurvey = false,
            Questions = questions,
            Errors = [.. errors.Select(e => new ErrorLink(
                Message(e),
                questions.FirstOrDefault(q => q.Code == e.Field)?.FirstControlId ?? "survey-form"))],
            From = source,
            Started = NewStartedStamp(),
        };
    }
}
