namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// A request the client got wrong — a body over the limit, an upload that stalls, a form the form reader refuses (a NUL
/// byte, more than 1,024 fields, a key over 2,048 characters) — is answered with its own 4xx and the localized status
/// page, and logged as a warning about the client rather than as an error of ours. Nothing has been stored at that
/// point: every form is read completely before anything is written.
/// </summary>
internal sealed partial class MalformedRequestMiddleware(RequestDelegate next, ILogger<MalformedRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (ClientFault(context, exception) is { } status && !context.Response.HasStarted)
        {
            LogRefused(logger, context.Request.Method, context.Request.Path, status, exception.Message);
            context.Response.Clear();
            context.Response.StatusCode = status;
        }
    }

    private static int? ClientFault(HttpContext context, Exception exception) => exception switch
    {
        // Kestrel's verdicts on the body: 413 over the size limit, 408 below the minimum data rate, 400 malformed framing.
        BadHttpRequestException bad => bad.StatusCode,

        // The form reader's limits. Only for form posts: elsewhere the same exception type would be a fault of ours.
        InvalidDataException when context.Request.HasFormContentType => StatusCodes.Status400BadRequest,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed {Method} {Path} with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, int statusCode, string reason);
}

public static class MalformedRequestExtensions
{
    public static IApplicationBuilder UseMalformedRequestHandling(this IApplicationBuilder app)
        => app.UseMiddleware<MalformedRequestMiddleware>();
}
