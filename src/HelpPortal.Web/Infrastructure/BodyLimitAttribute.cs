using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// The largest body a form action accepts. A declared length over it is refused with 413 before a byte is read, on
/// any server; a longer body without a declared length (chunked) is stopped by Kestrel as <see cref="FormReadFilter"/>
/// reads it, which runs after this filter. Both are authorization filters so that they run before antiforgery
/// validation, which reads the form too and would answer any failure with a plain 400.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BodyLimitAttribute(long bytes) : Attribute, IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bytes;
        }

        if (context.HttpContext.Request.ContentLength > bytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}

/// <summary>
/// Reads a posted form in full before antiforgery validation and model binding, for every action that binds anything
/// (the error pages bind nothing: re-executed for a refused body, they must not read it again). Both of those would
/// turn each of Kestrel's and the form reader's verdicts (413 too large, 408 too slow, 400 malformed) into a plain
/// 400; read here, they reach the malformed-request handling with their own status. Ordered after
/// <see cref="BodyLimitAttribute"/>, so an action's limit applies to the read.
/// </summary>
internal sealed class FormReadFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 1;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor.Parameters.Count > 0 && context.HttpContext.Request.HasFormContentType)
        {
            await context.HttpContext.Request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
    }
}
