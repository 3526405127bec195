using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Tests.Admin.Accounts;

/// <summary>
/// Only the admin area reads the admin cookie: public pages skip authentication (it was a fifth of a cached page's
/// allocations), and the admin area still authenticates every request.
/// </summary>
public sealed class AdminAreaScopeTests : IDisposable
{
    private readonly CountingPortal _portal = new();

    [Theory]
    [InlineData("/en/")]
    [InlineData("/lv/articles/aizmirsta-parole")]
    [InlineData("/en/search?q=password")]
    [InlineData("/en/survey")]
    [InlineData("/en/no-such-page")]
    public async Task A_public_request_never_asks_for_an_authentication_handler(string path)
    {
        var client = _portal.CreatePlainClient();

        await client.GetAsync(path);
        await client.GetAsync(path);

        Assert.Equal(0, _portal.HandlerRequests);
    }

    [Theory]
    [InlineData("/en/admin")]
    [InlineData("/en/admin/feedback")]
    [InlineData("/lv/ADMIN/survey/export.csv")]
    public async Task Every_admin_request_is_authenticated_and_never_stored(string path)
    {
        var response = await _portal.CreatePlainClient().GetAsync(path);

        Assert.True(_portal.HandlerRequests > 0);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    public void Dispose() => _portal.Dispose();

    private sealed class CountingPortal : PortalFactory
    {
        private int _handlerRequests;

        public int HandlerRequests => Volatile.Read(ref _handlerRequests);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IAuthenticationHandlerProvider>(provider =>
                new CountingHandlers(new AuthenticationHandlerProvider(provider.GetRequiredService<IAuthenticationSchemeProvider>()), this)));
        }

        private sealed class CountingHandlers(IAuthenticationHandlerProvider inner, CountingPortal portal) : IAuthenticationHandlerProvider
        {
            public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
            {
                Interlocked.Increment(ref portal._handlerRequests);
                return inner.GetHandlerAsync(context, authenticationScheme);
            }
        }
    }
}
