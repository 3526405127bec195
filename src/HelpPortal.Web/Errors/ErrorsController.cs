using System.Globalization;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HelpPortal.Web.Errors;

public sealed record ErrorPage : PortalPage
{
    public required int StatusCode { get; init; }

    public required string Message { get; init; }
}

/// <summary>
/// The localized 404 and error pages. They are reached by re-execution (status code pages, exception handler), never
/// directly; the language comes from the original URL, then the visitor's cookie or browser.
/// </summary>
/// <remarks>
/// The actions bind nothing: a re-executed request is still the visitor's POST, so a bound parameter would read the
/// status from their form (a field <c>statusCode=-5</c> became the status line) and would read a body that was just
/// refused as too large or malformed. The status comes only from the server's re-execution features.
/// </remarks>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(IStringLocalizer<SharedResource> text) : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Status()
        => Page(HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted
            ? reExecuted.OriginalStatusCode
            : StatusCodes.Status404NotFound);

    [Route("/error")]
    public IActionResult Exception()
        => Page(HttpContext.Features.Get<IExceptionHandlerFeature>() is null
            ? StatusCodes.Status404NotFound
            : Response.StatusCode); // Set by the exception handler's status code selector before re-executing.

    private ViewResult Page(int statusCode)
    {
        // Only error statuses are answered here; anything else would turn an error into a success.
        if (statusCode is < 400 or > 599)
        {
            statusCode = StatusCodes.Status500InternalServerError;
        }

        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var messages = statusCode switch
        {
            StatusCodes.Status404NotFound => "Error.NotFound",
            StatusCodes.Status400BadRequest => "Error.BadRequest",
            StatusCodes.Status403Forbidden => "Error.Forbidden",
            StatusCodes.Status405MethodNotAllowed => "Error.MethodNotAllowed",
            StatusCodes.Status408RequestTimeout => "Error.Timeout",
            StatusCodes.Status413PayloadTooLarge => "Error.TooLarge",
            StatusCodes.Status429TooManyRequests => "Error.TooManyRequests",
            _ => "Error.General",
        };
        Response.StatusCode = statusCode;
        Response.Headers.CacheControl = "no-store";
        return View("Error", new ErrorPage
        {
            Culture = culture,
            StatusCode = statusCode,
            Title = text[$"{messages}.Title"],
            Message = text[$"{messages}.Text"],
            CanonicalUrl = PortalUrls.Home(culture),
            Languages = PortalPage.Everywhere(PortalUrls.Home),
        });
    }
}
