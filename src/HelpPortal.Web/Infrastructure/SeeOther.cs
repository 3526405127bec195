using Microsoft.AspNetCore.Mvc;

namespace HelpPortal.Web.Infrastructure;

public static class SeeOtherExtensions
{
    /// <summary>
    /// 303 See Other after a POST: the browser follows with a GET, so a reload never posts the form again.
    /// MVC has no built-in result for it.
    /// </summary>
    public static StatusCodeResult SeeOther(this ControllerBase controller, string url)
    {
        controller.Response.Headers.Location = url;
        controller.Response.Headers.CacheControl = "no-store";
        return controller.StatusCode(StatusCodes.Status303SeeOther);
    }
}
