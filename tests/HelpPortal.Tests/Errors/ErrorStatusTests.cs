using System.Net;

namespace HelpPortal.Tests.Errors;

public sealed class ErrorStatusTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("200")]
    [InlineData("302")]
    [InlineData("999")]
    public async Task The_status_of_an_error_page_never_comes_from_the_visitors_form(string statusCode)
    {
        var fields = new Dictionary<string, string> { ["statusCode"] = statusCode, ["code"] = statusCode };

        var post = await factory.CreatePlainClient().PostAsync("/en/articles/no-such-article", new FormUrlEncodedContent(fields));
        var get = await factory.CreatePlainClient().GetAsync($"/en/articles/no-such-article?statusCode={statusCode}&code={statusCode}");

        // A POST answers 405 when run from the build output, whose static-asset fallback route takes GET only; a published
        // portal answers 404. Either way the status is the server's, never the form's.
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("Page not found", (await Html.ParseAsync(get)).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/error/200")]
    [InlineData("/error/500")]
    [InlineData("/error")]
    public async Task The_error_pages_cannot_be_opened_directly(string url)
    {
        var get = await factory.CreatePlainClient().GetAsync(url);
        var post = await factory.CreatePlainClient().PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["statusCode"] = "200" }));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
