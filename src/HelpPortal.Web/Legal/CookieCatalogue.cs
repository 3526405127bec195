using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using HelpPortal.Web.Survey;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Legal;

/// <summary>
/// One cookie the portal sets: its name, what it is for (a resource key, formatted with <paramref name="PurposeArguments"/>),
/// how long it lasts, and whether only administrators ever receive it.
/// </summary>
/// <param name="Lifetimes">The Max-Age values it is set with; empty for a session cookie (gone when the browser closes).</param>
public sealed record PortalCookie(string Name, string PurposeKey, IReadOnlyList<TimeSpan> Lifetimes, bool AdminOnly, params object[] PurposeArguments);

/// <summary>
/// Every cookie the portal sets, named and timed from the same constants and options the code that sets them uses, so
/// the cookies page (the <c>{{cookies}}</c> placeholder) cannot fall behind a changed lifetime. A cookie added anywhere
/// without an entry here fails <c>CookieListTests</c>, which collect every Set-Cookie of the public and admin journeys.
/// </summary>
public sealed class CookieCatalogue(IOptions<SurveyOptions> survey)
{
    public IReadOnlyList<PortalCookie> All { get; } =
    [
        new(CookieRequestCultureProvider.DefaultCookieName, "Cookies.Purpose.Language", [LanguageController.CookieLifetime], AdminOnly: false),
        new(SurveyPrompt.CookieName, "Cookies.Purpose.SurveyPrompt", [survey.Value.PromptDismissal, SurveyController.CompletedPromptLifetime], AdminOnly: false,
            (int)survey.Value.PromptDismissal.TotalDays, (int)SurveyController.CompletedPromptLifetime.TotalDays),
        new(FeedbackController.VoterCookie, "Cookies.Purpose.Voter", [FeedbackController.VoterCookieLifetime], AdminOnly: false),
        new(DataProtectionSetup.AntiforgeryCookieName, "Cookies.Purpose.Antiforgery", [], AdminOnly: false),
        new(AdminSetup.TwoFactorCookieName, "Cookies.Purpose.AdminTwoFactor", [], AdminOnly: true, AdminSetup.TwoFactorStepLifetime.TotalMinutes),
        new(AdminSetup.CookieName, "Cookies.Purpose.Admin", [], AdminOnly: true, AdminSetup.SessionIdleLifetime.TotalHours),
    ];
}
