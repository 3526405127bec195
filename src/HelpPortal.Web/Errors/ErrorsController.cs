using System.Globalization;
using HelpPortal.Web.Catalogue;
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
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(IStringLocalizer<SharedResource> text) : Controller
{
    [Route("/error/{statusCode:int}")]
    public IActionResult Status(int statusCode)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            statusCode = StatusCodes.Status404NotFound;
        }

        return Page(statusCode);
    }

    [Route("/error")]
    public IActionResult Exception()
        => Page(HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? StatusCodes.Status404NotFound : StatusCodes.Status500InternalServerError);

    private ViewResult Page(int statusCode)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var messages = statusCode switch
        {
            StatusCodes.Status404NotFound => "Error.NotFound",
            StatusCodes.Status400BadRequest => "Error.BadRequest",
            StatusCodes.Status403Forbidden => "Error.Forbidden",
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
