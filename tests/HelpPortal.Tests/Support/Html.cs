using AngleSharp;
using AngleSharp.Dom;

namespace HelpPortal.Tests.Support;

public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>The href of the language switcher's link to <paramref name="culture"/>.</summary>
    public static string SwitcherHref(this IDocument document, string culture)
        => document.QuerySelector($".language-switcher a[lang='{culture}']")?.GetAttribute("href")
            ?? throw new InvalidOperationException($"No switcher link to {culture}.");
}
