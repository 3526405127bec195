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
    CatalogueKeys catalogue,
    SurveyWriter writer,
    IAntiforgery antiforgery,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    IOptions<SurveyOptions> options,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The largest survey POST accepted (a full honest form is about 10 KB even with 1,000 encoded Latvian letters).</summary>
    public const int MaxRequestBodyBytes = 32 * 1024;

    private IDataProtector StartedStamp => dataProtection.CreateProtector("HelpPortal.Survey.Started");

    [HttpGet("")]
    public async Task<IActionResult> Form(string culture, string? from, CancellationToken cancellationToken)
    {
        var source = await KnownArticleAsync(from, cancellationToken);
        return View("Form", await FormPageAsync(culture, source, values: null, errors: [], cancellationToken));
    }

    /// <summary>
    /// The form-wide errors first, then each question's, in the order of the questions. Beside its question an error
    /// says only what is wrong; in the summary at the top it names the question too, since there it stands alone.
    /// </summary>
    private List<FormError> Errors(string culture, SurveySubmission submission)
    {
        var errors = new List<FormError>();
        if (ModelState.TryGetValue(SurveySubmission.FormErrors, out var formEntry))
        {
            errors.AddRange(formEntry.Errors.Select(e => new FormError(SurveySubmission.FormErrors, e.ErrorMessage, e.ErrorMessage)));
        }

        foreach (var (question, index) in SurveyQuestions.All.Select((q, i) => (q, i)))
        {
            if (!ModelState.TryGetValue(question.Code, out var entry))
            {
                continue;
            }

            var rule = submission.Errors.FirstOrDefault(e => e.Field == question.Code);
            errors.AddRange(entry.Errors.Select(e => new FormError(question.Code, e.ErrorMessage,
                rule?.MessageKey == SurveySubmission.RequiredMessage && question.Unanswered is { } unanswered
                    ? unanswered.In(culture)
                    : string.Format(CultureInfo.CurrentCulture, text["Survey.Error.InQuestion"], index + 1, question.Text.In(culture), e.ErrorMessage))));
        }

        return errors;
    }

    [HttpPost("")]
    [BodyLimit(MaxRequestBodyBytes)]
    [EnableRateLimiting(RateLimiting.SurveyPolicy)]
    public async Task<IActionResult> Submit(
        [FromRoute] string culture, [ModelBinder(typeof(SurveySubmissionBinder))] SurveySubmission? submission, CancellationToken cancellationToken)
    {
        if (submission is null)
        {
            return BadRequest(); // Not a form post at all.
        }

        // The binder has checked the answers; the form's origin and age are checked here. Nothing is stored unless all pass.
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError(SurveySubmission.FormErrors, text["Survey.Error.Antiforgery"]);
        }

        var started = ReadStartedStamp(submission.Value(SurveySubmission.StartedField));
        if (started is null)
        {
            ModelState.AddModelError(SurveySubmission.FormErrors, text["Survey.Error.Expired"]);
        }

        var source = await KnownArticleAsync(submission.Value(SurveySubmission.FromField), cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await FormPageAsync(culture, source, submission.Values, Errors(culture, submission), cancellationToken));
        }

        if (!submission.IsHoneypotFilled)
        {
            var now = time.GetUtcNow();
            var seconds = (int)Math.Clamp((now - started!.Value).TotalSeconds, 0, int.MaxValue);
            await writer.SaveAsync(submission.ToResponse(Guid.CreateVersion7(now), now, culture, source, seconds), cancellationToken);
        }

        // A bot that filled the honeypot gets the same answer as a person, so it learns nothing.
        SurveyPrompt.Remember(Response, SurveyPrompt.Completed, SurveyExtensions.CompletedPromptLifetime);
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
    [BodyLimit(4 * 1024)]
    public IActionResult Dismiss([FromRoute] string culture, [FromForm] string? returnUrl)
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
        => key is not null && await catalogue.IsArticleAsync(key, cancellationToken) ? key : null;

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
        string culture, string? source, IReadOnlyDictionary<string, string>? values, IReadOnlyList<FormError> errors, CancellationToken cancellationToken)
    {
        var topics = await db.TopicTranslations.AsNoTracking()
            .Where(t => t.Culture == culture)
            .OrderBy(t => t.Topic.SortOrder)
            .Select(t => new { t.Topic.Key, t.Name })
            .ToListAsync(cancellationToken);

        var questions = SurveyQuestions.All.Select((question, index) =>
        {
            var value = values?.GetValueOrDefault(question.Code);
            IEnumerable<(string Code, string Label)> options = question.Kind == QuestionKind.Topic
                ? topics.Select(t => (t.Key, t.Name)).Concat(question.Options.Select(o => (o.Code, o.Label.In(culture))))
                : question.Options.Select(o => (o.Code, o.Label.In(culture)));
            var error = errors.FirstOrDefault(e => e.Field == question.Code)?.Inline;
            return new QuestionView(
                question, index + 1, question.Text.In(culture),
                [.. options.Select(o => new OptionView(o.Code, o.Label, o.Code == value))],
                value, error);
        }).ToList();

        return new SurveyFormPage
        {
            Culture = culture,
            Title = text["Survey.Title"],
            Description = text["Survey.Intro"],
            CanonicalUrl = PortalUrls.Survey(culture),
            Languages = PortalPage.Everywhere(c => PortalUrls.Survey(c, source)),
            Questions = questions,
            Errors = [.. errors.Select(e => new ErrorLink(
                e.Summary,
                questions.FirstOrDefault(q => q.Code == e.Field)?.FirstControlId ?? "survey-form"))],
            From = source,
            Started = NewStartedStamp(),
        };
    }
}
