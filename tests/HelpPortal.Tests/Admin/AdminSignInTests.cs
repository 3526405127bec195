using System.Net;
using HelpPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.Admin;

public sealed class AdminSignInTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly PortalFactory _factory;

    public AdminSignInTests() => _factory = new PortalFactory { Time = _time, Settings = { ["RateLimiting:SignInPermitLimit"] = "100" } };

    [Theory]
    [InlineData("/en/admin")]
    [InlineData("/lv/admin")]
    [InlineData("/en/admin?from=2026-01-01&culture=lv")]
    [InlineData("/en/admin/survey/export.csv")]
    [InlineData("/lv/admin/survey/export.csv?delimiter=semicolon")]
    [InlineData("/en/admin/responses/0191d7c0-0000-7000-8000-000000000001/delete")]
    [InlineData("/en/admin/enrol")]
    public async Task Every_admin_url_sends_anonymous_visitors_to_sign_in_with_nothing_else(string url)
    {
        var response = await _factory.CreatePlainClient("https://localhost").GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var culture = url[1..3];
        Assert.StartsWith($"/{culture}/admin/login?returnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Deleting_a_response_anonymously_deletes_nothing()
    {
        var id = await SeedResponseAsync();

        var response = await _factory.CreatePlainClient("https://localhost").PostAsync($"/en/admin/responses/{id}/delete", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task The_sign_in_page_is_localized_and_never_cached()
    {
        var response = await _factory.CreatePlainClient("https://localhost").GetAsync("/lv/admin/login");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Pieteikties administrēšanai", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("lv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
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

    [Fact]
    public async Task Enrolling_gives_ten_recovery_codes_and_access_to_the_reports()
    {
        var admin = await AdminSession.SignedInAsync(_factory);

        var reports = await admin.Client.GetAsync("/en/admin");

        Assert.Equal(10, admin.RecoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, reports.StatusCode);
        Assert.Equal("no-store", reports.Headers.CacheControl?.ToString());
    }

    [Fact]
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

    [Fact]
    public async Task An_enrolled_admin_needs_the_authenticator_code_after_the_password()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        await SignOutAsync(admin);

        var signIn = await admin.SignInWithPasswordAsync();
        var reportsBeforeCode = await admin.Client.GetAsync("/en/admin");
        var code = await admin.PostFormAsync("/en/admin/login/code", [new("Code", admin.CodeAt(DateTime.UtcNow.AddSeconds(30)))]);

        Assert.Equal("/en/admin/login/code", signIn.Headers.Location?.OriginalString);
        Assert.StartsWith("/en/admin/login", reportsBeforeCode.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/en/admin", code.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/en/admin")).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_only()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var code = admin.CodeAt(DateTime.UtcNow.AddSeconds(30));
        await SignOutAsync(admin);
        await admin.SignInWithPasswordAsync();
        Assert.Equal("/en/admin", (await admin.PostFormAsync("/en/admin/login/code", [new("Code", code)])).Headers.Location?.OriginalString);
        await SignOutAsync(admin);
        await admin.SignInWithPasswordAsync();

        var replay = await admin.PostFormAsync("/en/admin/login/code", [new("Code", code)]);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already been used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.GetAsync("/en/admin")).StatusCode);
    }

    [Fact]
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

    [Fact]
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

    [Fact]
    public async Task Signing_out_invalidates_every_copy_of_the_session_cookie()
    {
        var admin = await AdminSession.SignedInAsync(_factory);
        var stolen = _factory.CreatePlainClient("https://localhost");
        var cookies = await CopyCookiesAsync(admin);

        await SignOutAsync(admin);
        var request = new HttpRequestMessage(HttpMethod.Get, "/en/admin");
        request.Headers.Add("Cookie", cookies);
        var replayed = await stolen.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/en/admin/login", replayed.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        using var factory = new PortalFactory { Settings = { ["RateLimiting:SignInPermitLimit"] = "3" } };
        var admin = await AdminSession.CreateAsync(factory);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await admin.SignInWithPasswordAsync("wrong password " + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    public void Dispose() => _factory.Dispose();

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
}
