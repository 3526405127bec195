using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Admin.Accounts;

public static class AdminSetup
{
    public const string Role = "Admin";

    /// <summary>Signed in as an admin, and — unless switched off — with a second factor.</summary>
    public const string Policy = "Admin";

    /// <summary>Signed in as an admin with a password only: enough to enrol an authenticator, nothing more.</summary>
    public const string EnrolmentPolicy = "AdminEnrolment";

    public const string CookieName = "__Host-hp-admin";

    /// <summary>Between the password and the second factor: who is signing in, for a few minutes.</summary>
    public const string TwoFactorCookieName = "__Host-hp-admin-2fa";

    /// <summary>An admin's session ends after this long without a request (a session cookie: closing the browser ends it too).</summary>
    public static readonly TimeSpan SessionIdleLifetime = TimeSpan.FromHours(8);

    /// <summary>How long the password step is remembered while the second factor is asked for (Identity's default).</summary>
    public static readonly TimeSpan TwoFactorStepLifetime = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddAdminArea(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        services.AddSingleton(new PortalCookie(TwoFactorCookieName, "Cookies.Purpose.AdminTwoFactor", [], AdminOnly: true, TwoFactorStepLifetime.TotalMinutes));
        services.AddSingleton(new PortalCookie(CookieName, "Cookies.Purpose.Admin", [], AdminOnly: true, SessionIdleLifetime.TotalHours));

        services.AddIdentity<AdminUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;

                // Long passwords checked against a common-password list (PasswordRules) instead of composition rules.
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddPasswordValidator<PasswordRules>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        // Every request re-checks the security stamp, so signing out (which changes the stamp) kills every copy of the cookie.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;

            // The validator rebuilds the principal from the database; keep the "signed in with a second factor" claim.
            options.OnRefreshingPrincipal = context =>
            {
                var amr = context.CurrentPrincipal?.FindFirst("amr");
                if (amr is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim("amr", amr.Value))
                {
                    identity.AddClaim(new System.Security.Claims.Claim("amr", amr.Value));
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/";

            // __Host- cookies must be Secure; browsers treat http://localhost as secure, so Development works too.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = SessionIdleLifetime;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => RedirectInCulture(context, "login");

            // An admin without a second factor yet is sent to enrol; anyone else signed in is simply refused.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                if (context.HttpContext.User.IsInRole(Role))
                {
                    return RedirectInCulture(context, "enrol");
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = TwoFactorCookieName;
            cookie.ExpireTimeSpan = TwoFactorStepLifetime;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthorizationBuilder().AddPolicy(EnrolmentPolicy, policy => policy.RequireRole(Role));
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<AdminOptions>>((authorization, admin) =>
            authorization.AddPolicy(Policy, policy =>
            {
                policy.RequireRole(Role);
                if (admin.Value.RequireTwoFactor)
                {
                    // Identity adds amr=mfa when the sign-in used a second factor.
                    policy.RequireClaim("amr", "mfa");
                }
            }));
        return services;
    }

    /// <summary>
    /// The admin area's part of the pipeline, for requests under /{culture}/admin only: responses get no-store (never
    /// kept by a browser or proxy), and the admin cookie is read. Public pages skip authentication altogether: nothing
    /// on them depends on who is signed in, and resolving the cookie handlers for every visitor's request cost a fifth
    /// of each cached page's allocations (docs/performance.md). Skipping it can only fail closed: an admin endpoint
    /// reached without it sees an anonymous user, and authorization refuses.
    /// </summary>
    public static IApplicationBuilder UseAdminArea(this IApplicationBuilder app)
    {
        app.UseWhen(context => IsAdminPath(context.Request.Path), admin => admin
            .Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
                return next(context);
            })
            .UseAuthentication());

        // WebApplication adds authentication to the front of the whole pipeline unless UseAuthentication marked the root
        // builder with this property; the branch above marks only its own copy of the properties.
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    /// <summary>The property <c>UseAuthentication</c> sets (AuthAppBuilderExtensions.AuthenticationMiddlewareSetKey).</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// "/{culture}/admin" or anything under it, read without allocating (it runs for every request). The culture is
    /// matched exactly, as its route constraint does; "admin" in any case, as routing matches literal segments.
    /// </summary>
    internal static bool IsAdminPath(PathString path)
    {
        var value = path.Value.AsSpan().TrimStart('/');
        var slash = value.IndexOf('/');
        if (slash < 0 || value[..slash] is not (PortalCultures.English or PortalCultures.Latvian))
        {
            return false;
        }

        var rest = value[(slash + 1)..];
        return rest.StartsWith("admin", StringComparison.OrdinalIgnoreCase) && (rest.Length == 5 || rest[5] == '/');
    }

    private static Task RedirectInCulture(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, string page)
    {
        var segment = context.Request.Path.Value?.TrimStart('/').Split('/')[0];
        var culture = PortalCultures.IsSupported(segment) ? segment! : PortalCultures.Default;
        var returnUrl = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(AdminUrls.Page(culture, page, returnUrl));
        return Task.CompletedTask;
    }
}
