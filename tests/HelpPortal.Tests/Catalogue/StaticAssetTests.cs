using System.Net;
using HelpPortal.Tests.Infrastructure;

namespace HelpPortal.Tests.Catalogue;

public sealed class StaticAssetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_stylesheets_linked_from_every_page_are_served()
    {
        var client = factory.CreateClient();
        var (_, page) = await client.GetPageAsync("/en/");

        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.Equal(2, stylesheets.Count);
        foreach (var href in stylesheets)
        {
            var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href}: {response.StatusCode}");
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }
}
