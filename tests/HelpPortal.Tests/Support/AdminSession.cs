using System.Net;
using AngleSharp.Dom;
using OtpNet;

namespace HelpPortal.Tests.Support;

/// <summary>An admin's browser: creates the account through the real command, signs in, enrols an authenticator.</summary>
public sealed class AdminSession
{
    public const string Password = "correct horse battery staple 42";

    private AdminSession(PortalFactory factory, string email)
    {
        Factory = factory;
        Email = email;
        Client = factory.CreatePlainClient("https://localhost");
    }

    public PortalFactory Factory { get; }

    public string Email { get; }

    public HttpClient Client { get; }

    /// <summary>The authenticator key shown at enrolment (what a person types into their app).</summary>
    public string? SharedKey { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public static async Task<AdminSession> CreateAsync(PortalFactory factory, string email = "admin@example.eu")
    {
        var (exitCode, _, error) = await factory.RunCommandAsync(Password + "\n", "admin", "create", "--email", email);
        Assert.True(exitCode == 0, error);
        return new AdminSession(factory, email);
    }

    /// <summary>Creates an admin and signs in all the way: password, enrolment, and thus a session with a second factor.</summary>
    public static async Task<AdminSession> SignedInAsync(PortalFactory factory, string email = "admin@example.eu")
    {
        var session = await CreateAsync(factory, email);
        var response = await session.SignInWithPasswordAsync();
        Assert.Equal("/en/admin/enrol", response.Headers.Location?.OriginalString);
        await session.EnrolAsync();
        return session;
    }

    public Task<HttpResponseMessage> SignInWithPasswordAsync(string? password = null)
        => PostFormAsync("/en/admin/login", [new("Email", Email), new("Password", password ?? Password)]);

    public async Task EnrolAsync()
    {
        var page = await GetPageAsync("/en/admin/enrol");
        SharedKey = page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var response = await PostFormAsync("/en/admin/enrol", [new("Code", CodeAt(Now))]);
        var codes = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RecoveryCodes = [.. codes.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent)];
    }

    /// <summary>The portal's clock: the factory's fake one when the test controls time.</summary>
    public DateTimeOffset Now => (Factory.Time ?? TimeProvider.System).GetUtcNow();

    /// <summary>The authenticator code for a moment, as the app computes it; the portal accepts two 30-second steps either side of now.</summary>
    public string CodeAt(DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(SharedKey!)).ComputeTotp(at.UtcDateTime);

    /// <summary>The same admin in a second browser: the same account and authenticator app, no cookies.</summary>
    public AdminSession InAnotherBrowser() => OnPortal(Factory);

    /// <summary>The same admin, authenticator app and recovery codes, in a fresh browser on another portal (e.g. a copy).</summary>
    public AdminSession OnPortal(PortalFactory factory) => new(factory, Email) { SharedKey = SharedKey, RecoveryCodes = RecoveryCodes };

    public async Task<IDocument> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await Html.ParseAsync(response);
    }

    /// <summary>Posts a form the way the page would: fetches the page first for its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? pageUrl = null)
    {
        var page = await Client.GetAsync(pageUrl ?? url);
        var document = await Html.ParseAsync(page);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return await Client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }
}
