using System.Security.Claims;
using System.Text;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace HelpPortal.Web.Admin.Accounts;

/// <summary>Admin sign-in (password, then authenticator code or recovery code), sign-out and authenticator enrolment.</summary>
[Route("{culture:culture}/admin")]
[AutoValidateAntiforgeryToken]
public sealed partial class AdminAccountController(
    SignInManager<AdminUser> signIn,
    PortalUserManager users,
    IOptions<AdminOptions> options,
    IStringLocalizer<SharedResource> text,
    ILogger<AdminAccountController> logger) : Controller
{
    private const string Issuer = "HelpPortal";

    [HttpGet("login")]
    public IActionResult Login(string culture, string? returnUrl) => Form(culture, AccountForm.Login, returnUrl);

    [HttpPost("login")]
    [EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> Login(string culture, SignInInput input, string? returnUrl)
    {
        if (!ModelState.IsValid)
        {
            return Refused(culture, AccountForm.Login, returnUrl, FirstModelError());
        }

        // No account, or a disabled one: the same cost (one password hash) and the same answer as a wrong password, so
        // neither the time taken nor the text tells which email addresses have an account.
        var account = await users.FindByNameAsync(input.Email);
        if (account is null || account.IsDisabled)
        {
            users.CheckPasswordWithoutAccount(input.Password);
            LogSignInFailed(logger, input.Email);
            return Refused(culture, AccountForm.Login, returnUrl, text["Admin.Error.WrongPassword"]);
        }

        var result = await signIn.PasswordSignInAsync(account, input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            LogLockedOut(logger, input.Email);
            return Refused(culture, AccountForm.Login, returnUrl, text["Admin.Error.LockedOut"]);
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect(AdminUrl(culture, "login/code", returnUrl));
        }

        if (!result.Succeeded)
        {
            LogSignInFailed(logger, input.Email);
            return Refused(culture, AccountForm.Login, returnUrl, text["Admin.Error.WrongPassword"]);
        }

        LogSignedIn(logger, input.Email, "password");
        return options.Value.RequireTwoFactor
            ? Redirect(AdminUrl(culture, "enrol", returnUrl))
            : Redirect(SafeReturnUrl(culture, returnUrl));
    }

    [HttpGet("login/code")]
    public IActionResult Code(string culture, string? returnUrl) => Form(culture, AccountForm.Code, returnUrl);

    [HttpPost("login/code")]
    [EnableRateLimiting(RateLimiting.SignInPolicy)]
    public Task<IActionResult> Code(string culture, CodeInput input, string? returnUrl)
        => SecondFactorAsync(culture, AccountForm.Code, returnUrl, "authenticator code",
            () => signIn.TwoFactorAuthenticatorSignInAsync(Normalize(input.Code), isPersistent: false, rememberClient: false));

    [HttpGet("login/recovery")]
    public IActionResult Recovery(string culture, string? returnUrl) => Form(culture, AccountForm.Recovery, returnUrl);

    [HttpPost("login/recovery")]
    [EnableRateLimiting(RateLimiting.SignInPolicy)]
    public Task<IActionResult> Recovery(string culture, CodeInput input, string? returnUrl)
        => SecondFactorAsync(culture, AccountForm.Recovery, returnUrl, "recovery code",
            () => signIn.TwoFactorRecoveryCodeSignInAsync(input.Code.Replace(" ", "", StringComparison.Ordinal).Trim()));

    [HttpPost("logout")]
    public async Task<IActionResult> Logout(string culture)
    {
        var user = await users.GetUserAsync(User);
        await signIn.SignOutAsync();
        if (user is not null)
        {
            // A new security stamp makes every copy of the old cookie worthless, not just this browser's.
            await users.UpdateSecurityStampAsync(user);
            LogSignedOut(logger, user.Email);
        }

        return Redirect(AdminUrl(culture, "login", null));
    }

    [HttpGet("enrol")]
    [Authorize(Policy = AdminSetup.EnrolmentPolicy)]
    public async Task<IActionResult> Enrol(string culture, string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect(SafeReturnUrl(culture, returnUrl));
        }

        return View(AccountForm.Enrol.View, await EnrolmentPageAsync(culture, user, returnUrl, error: null));
    }

    [HttpPost("enrol")]
    [Authorize(Policy = AdminSetup.EnrolmentPolicy)]
    [EnableRateLimiting(RateLimiting.SignInPolicy)]
    public async Task<IActionResult> Enrol(string culture, CodeInput input, string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect(SafeReturnUrl(culture, returnUrl));
        }

        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(input.Code)))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(AccountForm.Enrol.View, await EnrolmentPageAsync(culture, user, returnUrl, text["Admin.Error.WrongCode"]));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];

        // The session now has a second factor: sign in again with it, which also replaces the cookie.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        LogEnrolled(logger, user.Email);
        var recoveryCodes = new RecoveryCodesPage(Header(culture, AccountForm.RecoveryCodes, returnUrl), Intro(AccountForm.RecoveryCodes), codes);
        return View(AccountForm.RecoveryCodes.View, recoveryCodes);
    }

    /// <summary>The second step of sign-in, after the password: only for a browser that has just passed it.</summary>
    private async Task<IActionResult> SecondFactorAsync(
        string culture, AccountForm form, string? returnUrl, string method, Func<Task<Microsoft.AspNetCore.Identity.SignInResult>> signInWithCode)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect(AdminUrl(culture, "login", returnUrl));
        }

        if (!ModelState.IsValid)
        {
            return Refused(culture, form, returnUrl, FirstModelError());
        }

        var result = await signInWithCode();
        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Email);
            return Refused(culture, form, returnUrl, text["Admin.Error.LockedOut"]);
        }

        if (!result.Succeeded)
        {
            LogSignInFailed(logger, user.Email);
            return Refused(culture, form, returnUrl, text[form == AccountForm.Code ? "Admin.Error.WrongCode" : "Admin.Error.WrongRecoveryCode"]);
        }

        LogSignedIn(logger, user.Email, method);
        return Redirect(SafeReturnUrl(culture, returnUrl));
    }

    private async Task<EnrolmentPage> EnrolmentPageAsync(string culture, AdminUser user, string? returnUrl, string? error)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);

            // A new key changes the security stamp; re-issue this session's cookie so it stays valid.
            await signIn.RefreshSignInAsync(user);
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(qr).GetGraphic(6);
        return new EnrolmentPage(
            Header(culture, AccountForm.Enrol, returnUrl),
            Intro(AccountForm.Enrol),
            returnUrl,
            QrCodeDataUrl: "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)),
            SharedKey: string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c))))
        {
            Error = error,
        };
    }

    private ViewResult Form(string culture, AccountForm form, string? returnUrl) => View(form.View, Page(culture, form, returnUrl));

    private ViewResult Refused(string culture, AccountForm form, string? returnUrl, string error)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form.View, Page(culture, form, returnUrl) with { Error = error });
    }

    private AdminFormPage Page(string culture, AccountForm form, string? returnUrl) => new(Header(culture, form, returnUrl), Intro(form), returnUrl);

    private AdminPageHeader Header(string culture, AccountForm form, string? returnUrl) => AdminPageHeader.For(
        culture, text[$"Admin.{form.Key}.Title"], c => AdminUrl(c, form.Path, null), c => AdminUrl(c, form.Path, returnUrl));

    private string Intro(AccountForm form) => text[$"Admin.{form.Key}.Intro"];

    private string FirstModelError()
        => text[ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "Admin.Error.WrongPassword"];

    private static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    private static string AdminUrl(string culture, string path, string? returnUrl) => AdminUrls.Page(culture, path, returnUrl);

    /// <summary>Only a page of the admin area on this site: sign-in never redirects anywhere else.</summary>
    private string SafeReturnUrl(string culture, string? returnUrl)
        => Url.SafeReturnUrl(returnUrl, r => AdminSetup.IsAdminPath(new PathString(r.Split('?')[0])), $"{PortalUrls.Home(culture)}admin");

    /// <summary>A sign-in or enrolment page: its view, the key of its texts (Admin.{Key}.Title and .Intro) and its address.</summary>
    private sealed record AccountForm(string View, string Key, string Path)
    {
        public static readonly AccountForm Login = new("Login", "login", "login");
        public static readonly AccountForm Code = new("Code", "code", "login/code");
        public static readonly AccountForm Recovery = new("Recovery", "recovery", "login/recovery");
        public static readonly AccountForm Enrol = new("Enrol", "enrol", "enrol");
        public static readonly AccountForm RecoveryCodes = new("RecoveryCodes", "recovery-codes", "enrol");
    }

    [LoggerMessage(LogLevel.Information, "Admin {Email} signed in with {Method}")]
    private static partial void LogSignedIn(ILogger logger, string? email, string method);

    [LoggerMessage(LogLevel.Warning, "Admin sign-in failed for {Email}")]
    private static partial void LogSignInFailed(ILogger logger, string? email);

    [LoggerMessage(LogLevel.Warning, "Admin {Email} is locked out after repeated failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, string? email);

    [LoggerMessage(LogLevel.Information, "Admin {Email} signed out; their sessions are invalidated")]
    private static partial void LogSignedOut(ILogger logger, string? email);

    [LoggerMessage(LogLevel.Information, "Admin {Email} enrolled an authenticator app")]
    private static partial void LogEnrolled(ILogger logger, string? email);
}
