
namespace HelpPortal.Tests.Catalogue;

public sealed class OutputCacheVariantTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/en/topics/eu-login-account")]
    [InlineData("/lv/articles/aizmirsta-parole")]
    [InlineData("/sitemap.xml")]
    public async Task A_public_page_with_an_unused_query_string_is_served_from_the_one_cached_copy(string url)
    {
        var client = factory.CreatePlainClient();
        var first = await client.GetAsync(url);

        var variants = new List<HttpResponseMessage>();
        for (var v = 1; v <= 5; v++)
        {
            variants.Add(await client.GetAsync($"{url}?v={v}"));
        }

        Assert.False(first.Headers.Age.HasValue);
        Assert.All(variants, r => Assert.True(r.Headers.Age.HasValue, $"{r.RequestMessage!.RequestUri} was rendered again instead of served from the cache."));
    }
}
