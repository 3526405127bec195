using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Catalogue;

public sealed class SecurityAndOperationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/en/")]
    [InlineData("/lv/articles/aizmirsta-parole")]
    [InlineData("/de/")]
    [InlineData("/en/test-failure")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await factory.CreatePlainClient().GetAsync(url);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Https_responses_outside_development_carry_a_one_year_hsts_header()
    {
        var response = await factory.CreatePlainClient("https://help.example.eu").GetAsync("/en/");

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData("/en/test-failure", "Something went wrong")]
    [InlineData("/lv/test-failure", "Radās kļūda")]
    public async Task An_error_shows_the_localized_error_page_without_a_stack_trace(string url, string heading)
    {
        var response = await factory.CreatePlainClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(heading, body, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-STACK-MARKER", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_database_and_the_last_import()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var content = json.RootElement.GetProperty("checks").GetProperty("content");
        Assert.Equal(0, content.GetProperty("data").GetProperty("errors").GetInt32());
        Assert.True(content.GetProperty("data").TryGetProperty("finishedAt", out _));
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_full_synchronous_writes()
    {
        var (journal, synchronous) = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var journalMode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            var sync = (long)(await command.ExecuteScalarAsync())!;
            return (journalMode, sync);
        });

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous);
    }
}
