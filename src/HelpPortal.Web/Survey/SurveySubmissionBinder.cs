using System.Globalization;
using HelpPortal.Web.Data;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.Survey;

/// <summary>
/// Binds the survey form for MVC. The fields are the questions of <see cref="SurveyQuestions"/>, not properties of a
/// class, so the rules live in <see cref="SurveySubmission"/>; each broken rule becomes a model-state error under its
/// field, already in the visitor's language, and the action checks <c>ModelState.IsValid</c> like any other form.
/// </summary>
internal sealed class SurveySubmissionBinder(CatalogueKeys catalogue, IStringLocalizer<SharedResource> text) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var request = bindingContext.HttpContext.Request;
        if (!request.HasFormContentType)
        {
            bindingContext.Result = ModelBindingResult.Failed();
            return;
        }

        var form = await request.ReadFormAsync(bindingContext.HttpContext.RequestAborted);
        var submission = SurveySubmission.Read(form, await catalogue.TopicsAsync(bindingContext.HttpContext.RequestAborted));
        foreach (var error in submission.Errors)
        {
            bindingContext.ModelState.AddModelError(error.Field, Message(text, error));
        }

        bindingContext.Result = ModelBindingResult.Success(submission);
    }

    public static string Message(IStringLocalizer<SharedResource> text, SurveyError error)
        => string.Format(CultureInfo.CurrentCulture, text[error.MessageKey], error.Argument);
}
