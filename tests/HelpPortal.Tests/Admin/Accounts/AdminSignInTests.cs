using System.Net;
using HelpPortal.Web.Admin.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.Admin.Accounts;

public abstract class AdminSignInTests : IDisposable
{
    // The start of a 30-second authenticator step, near the real time (cookies and keys are dated by it).
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 * 30);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly TestDatabase _database;
    private readonly PortalFactory _factory;

    protected AdminSignInTests(TestDatabase database)
    {
        _database = database;
        _factory = new PortalFactory { Database = database, Time = _time, Settings = { ["RateLimiting:SignInPermitLimit"] = "100" } };
    }

    public sealed class OnSqlite() : AdminSignInTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : AdminSignInTests(TestDatabase.Postgres), IRunsOnPostgres;

    [DatabaseTheory]
    [InlineData("/en/admin")]
    [InlineData("/lv/admin")]
    [InlineData("/en/admin?from=2026-01-01&culture=lv")]
    [InlineData("/en/admin/survey/export.csv")]
    [InlineData("/lv/admin/survey/export.csv?delimiter=semicolon")]
    [InlineData("/en/admin/responses/0191d7c0-0000-7000-8000-000000000001/delete")]
    [InlineData("/en/admin/enrol")]
    [InlineData("/en/admin/feedback")]
    [InlineData("/en/admin/search-misses")]
    [InlineData("/en/admin/search-misses.csv")]
    [InlineData("/lv/admin/coverage")]
    public async Task Every_admin_url_sends_anonymous_visitors_to_sign_in_with_nothing_else(string url)
    {
        var response = await _factory.CreatePlainClient("https://localhost").GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var culture = url[1..3];
        Assert.StartsWith($"/{culture}/admin/login?returnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [DatabaseFact]
    public async Task Deleting_a_response_anonymously_deletes_nothing()
    {
        var id = await SeedResponseAsync();

        var response = await _factory.CreatePlainClient("https://localhost").PostAsync($"/en/admin/responses/{id}/delete", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [DatabaseFact]
    public async Task The_sign_in_page_is_localized_and_never_cached()
    {
        var response = await _factory.CreatePlainClient("https://localhost").GetAsync("/lv/admin/login");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Pieteikties administrēšanai", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("lv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [DatabaseTheory]
    [InlineData("en", "Error: Sign in to administration – Help centre")]
    [InlineData("lv", "Kļūda: Pieteikties administrēšanai – Palīdzības centrs")]
    public async Task A_refused_sign_in_has_a_title_that_starts_with_error(string culture, string title)
    {
        var admin = await AdminSession.CreateAsync(_factory);

        var response = await admin.PostFormAsync($"/{culture}/admin/login", [new("Email", admin.Email), new("Password", "wrong password here")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, (await Html.ParseAsync(response)).Title);
    }

    [DatabaseFact]
    public async Task A_password_alone_only_leads_to_authenticator_enrolment()
    {
        var admin = await AdminSession.CreateAsync(_factory);

        var signIn = await admin.SignInWithPasswordAsync();
        var reports = await admin.Client.GetAsync("/en/admin");

        Assert.Equal("/en/admin/enrol", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, reports.StatusCode);
        Assert.StartsWith("/en/admin/enrol", reports.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = await admin.GetPageAsync("/en/admin/enrol");
        Assert.NotNull(page.QuerySelector(".qr-code img[src^='data:image/svg+xml;base64,']"));
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", page.QuerySelector("#shared-key")!.TextContent);
    }

    [DatabaseFact]
    public async Task Enrolling_gives_ten_recovery_codes_and_access_to_the_reports()
    {
        var admin = await AdminSession.SignedInAsync(_factory);

        var reports = await admin.Client.GetAsync("/en/admin");

        Assert.Equal(10, admin.RecoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, reports.StatusCode);
        Assert.Equal("no-store", reports.Headers.CacheControl?.ToString());
    }

    [DatabaseFact]
    public async Task The_session_cookie_is_host_prefixed_secure_http_only_and_strict()
    {
        var admin = await AdminSession.CreateAsync(_factory);

        var response = await admin.SignInWithPasswordAsync();

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-hp-admin=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task An_enrolled_admin_needs_the_authenticator_code_after_the_password()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        await SignOutAsync(admin);

        var signIn = await admin.SignInWithPasswordAsync();
        var reportsBeforeCode = await admin.Client.GetAsync("/en/admin");
        var code = await admin.PostFormAsync("/en/admin/login/code", [new("Code", admin.CodeAt(Start.AddSeconds(30)))]);

        Assert.Equal("/en/admin/login/code", signIn.Headers.Location?.OriginalString);
        Assert.StartsWith("/en/admin/login", reportsBeforeCode.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/en/admin", code.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/en/admin")).StatusCode);
    }

    [DatabaseFact]
    public async Task An_authenticator_code_is_accepted_once_only()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var code = admin.CodeAt(Start.AddSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(admin, code)).StatusCode);

        var replay = await SignInWithCodeAsync(admin, code);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already been used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.GetAsync("/en/admin")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_code_used_before_a_later_code_is_still_refused_after_it()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var codeA = admin.CodeAt(Start.AddSeconds(30));
        var codeB = admin.CodeAt(Start.AddSeconds(60));
        var first = await SignInWithCodeAsync(admin, codeA);
        var second = await SignInWithCodeAsync(admin, codeB);

        var replay = await SignInWithCodeAsync(admin, codeA);

        Assert.Equal("/en/admin", first.Headers.Location?.OriginalString);
        Assert.Equal("/en/admin", second.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [DatabaseFact]
    public async Task An_unused_code_older_than_the_last_accepted_one_is_refused()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var accepted = await SignInWithCodeAsync(admin, admin.CodeAt(Start.AddSeconds(60)));

        var older = await SignInWithCodeAsync(admin, admin.CodeAt(Start.AddSeconds(30)));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, older.StatusCode);
    }

    /// <summary>
    /// Identity's rule, on the portal's clock: at step N the codes of steps N−2 … N+2 are accepted, so a code is good
    /// from 60 s before its own 30-second step begins until 60 s after it ends.
    /// </summary>
    [DatabaseTheory]
    [InlineData(-61, false)]
    [InlineData(-60, true)]
    [InlineData(0, true)]
    [InlineData(89, true)]
    [InlineData(90, false)]
    public async Task A_code_is_accepted_from_60_seconds_before_its_step_until_60_seconds_after_it(int secondsFromItsStep, bool accepted)
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var itsStep = Start.AddMinutes(10);
        await SignOutAsync(admin);
        _time.SetUtcNow(itsStep.AddSeconds(secondsFromItsStep));

        var response = await SignInWithCodeAsync(admin, admin.CodeAt(itsStep), signOutFirst: false);

        Assert.Equal(accepted ? HttpStatusCode.Redirect : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [DatabaseFact]
    public async Task A_used_code_stays_refused_to_the_last_second_of_its_window_while_other_admins_sign_in()
    {
        var admin = await AdminSession.SignedInAsync(_factory, "first@example.eu");
        var other = await AdminSession.SignedInAsync(_factory, "second@example.eu");
        var itsStep = Start.AddMinutes(10);
        var code = admin.CodeAt(itsStep);
        _time.SetUtcNow(itsStep.AddSeconds(-60));
        var used = await SignInWithCodeAsync(admin, code);

        // The other admin's sign-in at the last second tidies up the codes that can no longer be accepted.
        _time.SetUtcNow(itsStep.AddSeconds(89));
        var otherSignIn = await SignInWithCodeAsync(other, other.CodeAt(_time.GetUtcNow()));
        var replay = await SignInWithCodeAsync(admin, code);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect], [used.StatusCode, otherSignIn.StatusCode]);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [DatabaseFact]
    public async Task Used_codes_are_deleted_once_they_can_no_longer_be_accepted()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var enrolmentStep = Start.ToUnixTimeSeconds() / 30;

        _time.Advance(TimeSpan.FromSeconds(120));
        await SignInWithCodeAsync(admin, admin.CodeAt(_time.GetUtcNow()));
        var afterTwoMinutes = await UsedStepsAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        await SignInWithCodeAsync(admin, admin.CodeAt(_time.GetUtcNow()));
        var afterTwoAndAHalf = await UsedStepsAsync();

        Assert.Equal([enrolmentStep, enrolmentStep + 4], afterTwoMinutes);
        Assert.Equal([enrolmentStep + 4, enrolmentStep + 5], afterTwoAndAHalf);
    }

    [DatabaseFact]
    public async Task Two_browsers_sending_the_same_code_at_once_sign_in_only_once()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var other = admin.InAnotherBrowser();
        await SignOutAsync(admin);
        await admin.SignInWithPasswordAsync();
        await other.SignInWithPasswordAsync();
        var code = admin.CodeAt(Start.AddSeconds(30));

        var responses = await Task.WhenAll(
            admin.PostFormAsync("/en/admin/login/code", [new("Code", code)]),
            other.PostFormAsync("/en/admin/login/code", [new("Code", code)]));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task A_recovery_code_signs_in_once()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var recovery = admin.RecoveryCodes[3];
        await SignOutAsync(admin);
        await admin.SignInWithPasswordAsync();

        var first = await admin.PostFormAsync("/en/admin/login/recovery", [new("Code", recovery)]);
        await SignOutAsync(admin);
        await admin.SignInWithPasswordAsync();
        var second = await admin.PostFormAsync("/en/admin/login/recovery", [new("Code", recovery)]);

        Assert.Equal("/en/admin", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [DatabaseFact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var admin = await AdminSession.CreateAsync(_factory);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.SignInWithPasswordAsync("wrong password " + i)).StatusCode);
        }

        var locked = await admin.SignInWithPasswordAsync();
        _time.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await admin.SignInWithPasswordAsync();
        _time.Advance(TimeSpan.FromMinutes(2));
        var unlocked = await admin.SignInWithPasswordAsync();

        Assert.Contains("locked for 15 minutes", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, stillLocked.StatusCode);
        Assert.Equal("/en/admin/enrol", unlocked.Headers.Location?.OriginalString);
    }

    [DatabaseFact]
    public async Task Signing_out_invalidates_every_copy_of_the_session_cookie()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var stolen = _factory.CreatePlainClient("https://localhost");
        var cookies = await CopyCookiesAsync(admin);

        await SignOutAsync(admin);

        // The stamp is re-checked once any time has passed since the cookie was issued (whole seconds, as the cookie
        // stores them); on a clock frozen at a whole second none ever has.
        _time.Advance(TimeSpan.FromSeconds(1));
        var request = new HttpRequestMessage(HttpMethod.Get, "/en/admin");
        request.Headers.Add("Cookie", cookies);
        var replayed = await stolen.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/en/admin/login", replayed.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        using var factory = new PortalFactory { Database = _database, Settings = { ["RateLimiting:SignInPermitLimit"] = "3" } };
        var admin = await AdminSession.CreateAsync(factory);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await admin.SignInWithPasswordAsync("wrong password " + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [DatabaseFact]
    public async Task An_unknown_email_costs_a_password_hash_and_gets_the_wrong_password_answer()
    {
        var hasher = new CountingPasswordHasher();
        using var factory = new PortalFactoryWithHasher(hasher) { Database = _database };
        var admin = await AdminSession.CreateAsync(factory);
        var stranger = await AdminSession.CreateAsync(factory, "stranger@example.eu");
        await factory.RunCommandAsync(null, "admin", "disable", "--email", "stranger@example.eu");

        var wrongPassword = await CountVerificationsAsync(hasher, () => admin.SignInWithPasswordAsync("wrong password here"));
        var unknownEmail = await CountVerificationsAsync(hasher, () => admin.PostFormAsync("/en/admin/login", [new("Email", "nobody@example.eu"), new("Password", "wrong password here")]));
        var disabled = await CountVerificationsAsync(hasher, () => stranger.SignInWithPasswordAsync());

        Assert.Equal((HttpStatusCode.BadRequest, 1), (wrongPassword.Status, wrongPassword.Verifications));
        Assert.Equal(wrongPassword, unknownEmail);
        Assert.Equal(wrongPassword, disabled);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<(HttpStatusCode Status, string? Error, int Verifications)> CountVerificationsAsync(
        CountingPasswordHasher hasher, Func<Task<HttpResponseMessage>> signIn)
    {
        var before = hasher.Verifications;
        var response = await signIn();
        var error = (await Html.ParseAsync(response)).QuerySelector("#form-error")?.TextContent;
        return (response.StatusCode, error, hasher.Verifications - before);
    }

    /// <summary>Signs out (unless told not to), in with the password, then posts the code.</summary>
    private static async Task<HttpResponseMessage> SignInWithCodeAsync(AdminSession admin, string code, bool signOutFirst = true)
    {
        if (signOutFirst)
        {
            await SignOutAsync(admin);
        }

        Assert.Equal("/en/admin/login/code", (await admin.SignInWithPasswordAsync()).Headers.Location?.OriginalString);
        return await admin.PostFormAsync("/en/admin/login/code", [new("Code", code)]);
    }

    private Task<List<long>> UsedStepsAsync()
        => _factory.WithDbAsync(db => db.UsedAuthenticatorCodes.OrderBy(c => c.TimeStep).Select(c => c.TimeStep).ToListAsync());

    private static async Task SignOutAsync(AdminSession admin)
    {
        var response = await admin.PostFormAsync("/en/admin/logout", [], pageUrl: "/en/admin");
        Assert.Equal("/en/admin/login", response.Headers.Location?.OriginalString);
    }

    /// <summary>What a thief would copy from the browser: the admin cookie as sent with a request.</summary>
    private static async Task<string> CopyCookiesAsync(AdminSession admin)
    {
        var echo = await admin.Client.GetAsync("/en/admin");
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        var handlerCookies = echo.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        Assert.Contains("__Host-hp-admin=", handlerCookies, StringComparison.Ordinal);
        return handlerCookies;
    }

    private async Task<Guid> SeedResponseAsync()
    {
        var response = StoredResponses.Make(DateTimeOffset.UtcNow);
        await _factory.SeedAsync(response);
        return response.Id;
    }

    /// <summary>Identity's password hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<AdminUser>
    {
        private readonly PasswordHasher<AdminUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AdminUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AdminUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class PortalFactoryWithHasher(CountingPasswordHasher hasher) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AdminUser>>(hasher));
        }
    }
}
