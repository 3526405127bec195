using HelpPortal.Web.Infrastructure;

namespace HelpPortal.Web.Feedback;

public static class FeedbackExtensions
{
    public const string VoterCookie = "hp_voter";

    /// <summary>How long a browser keeps its voter id (the cookies page states it from here).</summary>
    public static readonly TimeSpan VoterCookieLifetime = TimeSpan.FromDays(365);

    public static IServiceCollection AddFeedback(this IServiceCollection services)
        => services.AddSingleton(new PortalCookie(VoterCookie, "Cookies.Purpose.Voter", [VoterCookieLifetime], AdminOnly: false));
}
