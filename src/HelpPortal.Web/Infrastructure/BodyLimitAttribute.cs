using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// The largest body a form action accepts, and the form read in full before model binding. A declared length over
/// the limit is refused with 413 before a byte is read, on any server; a longer body without a declared length
/// (chunked) is stopped by Kestrel as it is read. Reading the form here, rather than in MVC's form value provider,
/// lets Kestrel's and the form reader's own verdicts (413, 408, 400) reach the malformed-request handling: the value
/// provider would turn each of them into a plain 400.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BodyLimitAttribute(long bytes) : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bytes;
        }

        if (request.ContentLength > bytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (request.HasFormContentType)
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }

        await next();
    }
}
