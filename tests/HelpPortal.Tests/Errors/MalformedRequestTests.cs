using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;

namespace HelpPortal.Tests.Errors;

/// <summary>The portal on a real socket, so the status line and Kestrel's own verdicts on the body are what a client sees.</summary>
public sealed class MalformedRequestTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    private readonly Uri _server;

    public MalformedRequestTests() => _server = _factory.StartOnKestrel();

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string, string, int, string> MalformedForms => new()
    {
        { "a NUL byte in an answer", "/en/survey", "q1=4&q5=a%00b", 400, "The request could not be understood" },
        { "more than 1,024 fields", "/en/survey", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")), 400, "The request could not be understood" },
        { "a 3,000-character field name", "/lv/survey", new string('a', 3000) + "=1", 400, "Pieprasījumu nevarēja saprast" },
        { "a declared body over 32 KB", "/en/survey", "q5=" + new string('a', 40 * 1024), 413, "The form was too large" },
        { "a vote with a NUL byte", "/en/feedback", "article=forgotten-password&helpful=yes&reason=%00", 400, "The request could not be understood" },
        { "a sign-in with more than 1,024 fields", "/en/admin/login", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")), 400, "The request could not be understood" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task A_malformed_form_gets_its_own_status_and_the_localized_page_and_nothing_is_stored(string _, string path, string body, int status, string heading)
    {
        var response = await RawHttp.PostFormAsync(_server, path, Encoding.ASCII.GetBytes(body));

        AssertRefused(response, status, heading);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.ArticleVotes.CountAsync()));
    }

    [Fact]
    public async Task A_one_megabyte_chunked_survey_body_gets_413_with_the_page()
    {
        var body = Encoding.ASCII.GetBytes("q5=" + new string('a', 1024 * 1024));

        var response = await RawHttp.PostChunkedAsync(_server, "/en/survey", body);

        AssertRefused(response, 413, "The form was too large");
        Assert.Equal(0, await _factory.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task A_survey_body_that_stalls_gets_408_with_the_page()
    {
        using var factory = new PortalFactory
        {
            Kestrel = kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(1.5)),
        };
        var server = factory.StartOnKestrel();

        var response = await RawHttp.SendAsync(server, $"""
            POST /en/survey HTTP/1.1
            Host: {server.Authority}
            Content-Type: application/x-www-form-urlencoded
            Content-Length: 1000

            """, "q1=4&"u8.ToArray());

        AssertRefused(response, 408, "The form took too long to arrive");
        Assert.Equal(0, await factory.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Empty(factory.Logs.MessagesAtOrAbove(LogEventLevel.Error));
    }

    [Fact]
    public async Task Malformed_requests_are_logged_as_warnings_about_the_client_not_as_errors()
    {
        await RawHttp.PostFormAsync(_server, "/en/survey", "q5=a%00b"u8.ToArray());
        await RawHttp.PostChunkedAsync(_server, "/en/survey", Encoding.ASCII.GetBytes("q5=" + new string('a', 100 * 1024)));
        await RawHttp.PostFormAsync(_server, "/en/admin/login", Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1"))));

        Assert.Empty(_factory.Logs.MessagesAtOrAbove(LogEventLevel.Error));
        var refusals = _factory.Logs.Events
            .Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Refused a malformed", StringComparison.Ordinal))
            .Select(e => e.Properties["StatusCode"].ToString())
            .ToList();
        Assert.Equal(["400", "413", "400"], refusals);
    }

    private static void AssertRefused(RawResponse response, int status, string heading)
    {
        Assert.Matches(@"^HTTP/1\.1 [1-5][0-9]{2} ", response.StatusLine);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains($"<h1>{heading}</h1>", response.Body, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
    }
}
