using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace HelpPortal.Tests.Legal;

/// <summary>
/// The cookies page cannot go stale: every cookie the portal sets on the visitors' and the administrators' journeys must
/// be listed on it, in both languages. A new cookie anywhere fails here until CookieCatalogue names it.
/// </summary>
public abstract class CookieListTests(TestDatabase database) : IDisposable
{
    private readonly CookieRecordingPortal _portal = new() { Database = database, Settings = { ["RateLimiting:Enabled"] = "false" } };

    public sealed class OnSqlite() : CookieListTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : CookieListTests(TestDatabase.Postgres), IRunsOnPostgres;

    [DatabaseFact]
    public async Task Every_cookie_the_portal_sets_is_listed_on_the_cookies_page_in_both_languages()
    {
        await BrowseAsVisitorAsync();
        await SignInAsAdminWithSecondFactorAsync();

        var listedInEnglish = await ListedCookiesAsync("/en/pages/cookies");
        var listedInLatvian = await ListedCookiesAsync("/lv/pages/sikdatnes");

        var set = _portal.CookieNames.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(6, set.Count);
        Assert.Empty(set.Except(listedInEnglish));
        Assert.Empty(set.Except(listedInLatvian));
    }

    [DatabaseFact]
    public async Task Reading_pages_sets_no_cookie()
    {
        var client = _portal.CreateClient();
        foreach (var url in new[] { "/en/", "/lv/topics/pieteiksanas", "/en/articles/forgotten-password", "/lv/pages/sikdatnes", "/en/search?q=password" })
        {
            await client.GetAsync(url);
        }

        Assert.Empty(_portal.CookieNames);
    }

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task BrowseAsVisitorAsync()
    {
        var client = _portal.CreateClient();
        foreach (var url in new[] { "/", "/en/", "/lv/", "/en/topics/eu-login-account", "/lv/articles/aizmirsta-parole", "/en/search?q=password", "/lv/pages/privatums", "/en/no-such-page" })
        {
            await client.GetAsync(url);
        }

        await client.GetAsync("/language/lv?returnUrl=%2Flv%2F");
        await client.PostAsync("/en/feedback", new FormUrlEncodedContent([new("article", "forgotten-password"), new("helpful", "yes")]));
        await client.PostAsync("/lv/feedback", new FormUrlEncodedContent([new("article", "forgotten-password"), new("helpful", "no"), new("reason", "unclear")]));
        await client.PostAsync("/en/survey/dismiss", new FormUrlEncodedContent([new("returnUrl", "/en/")]));

        var survey = await SurveyForm.OpenAsync(_portal.CreateClient(), "/lv/survey");
        await survey.PostValidAsync();
    }

    private async Task SignInAsAdminWithSecondFactorAsync()
    {
        var admin = await AdminSession.SignedInAsync(_portal);
        await admin.PostFormAsync("/en/admin/logout", [], pageUrl: "/en/admin");
        var password = await admin.SignInWithPasswordAsync();
        Assert.Equal("/en/admin/login/code", password.Headers.Location?.OriginalString);
        var code = await admin.PostFormAsync("/en/admin/login/code", [new("Code", admin.CodeAt(admin.Now.AddSeconds(30)))]);
        Assert.Equal("/en/admin", code.Headers.Location?.OriginalString);
    }

    private async Task<List<string>> ListedCookiesAsync(string url)
    {
        var (_, page) = await _portal.CreateClient().GetPageAsync(url);
        return [.. page.QuerySelectorAll("table.cookie-table code.cookie-name").Select(c => c.TextContent)];
    }

    /// <summary>The portal with a first middleware that notes the name of every cookie any response sets.</summary>
    private sealed class CookieRecordingPortal : PortalFactory
    {
        public ConcurrentDictionary<string, bool> CookieNames { get; } = new(StringComparer.Ordinal);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RecordCookies(CookieNames)));
        }
    }

    private sealed class RecordCookies(ConcurrentDictionary<string, bool> names) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.OnStarting(() =>
                {
                    foreach (var header in context.Response.Headers.SetCookie)
                    {
                        if (SetCookieHeaderValue.TryParse(header, out var cookie) && cookie.Expires != DateTimeOffset.UnixEpoch)
                        {
                            names.TryAdd(cookie.Name.Value!, true);
                        }
                    }

                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
