using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HelpPortal.Tests.Browser;

/// <summary>Suggestions while typing: the WAI-ARIA combobox pattern, by keyboard, by mouse and without JavaScript.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SearchSuggestionJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_types_in_the_home_search_moves_through_the_suggestions_with_the_arrow_keys_and_opens_one_with_enter()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "What do you need help with?" });
        var listbox = page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" });

        await box.PressSequentiallyAsync("passw");

        await Assertions.Expect(listbox).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-controls", await listbox.GetAttributeAsync("id") ?? "");
        var options = listbox.GetByRole(AriaRole.Option);
        var count = await options.CountAsync();
        Assert.InRange(count, 1, 5);
        await Assertions.Expect(page.Locator("#home-search-q-suggestions-status")).ToHaveTextAsync(count == 1 ? "1 suggestion available" : $"{count} suggestions available");

        await box.PressAsync("ArrowDown");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", await options.Nth(0).GetAttributeAsync("id") ?? "");
        await Assertions.Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        if (count > 1)
        {
            await box.PressAsync("ArrowDown");
            await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", await options.Nth(1).GetAttributeAsync("id") ?? "");
            await Assertions.Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "false");
            await box.PressAsync("ArrowUp");
        }

        await Assertions.Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(options.Nth(0)).ToHaveTextAsync("I have forgotten my EU Login password. What should I do?");
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/articles/forgotten-password$"));
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_and_enter_without_a_highlighted_one_searches()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/lv/articles/aizmirsta-parole");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Meklēt palīdzības centrā" });

        await box.PressSequentiallyAsync("paro");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox, new() { Name = "Ieteikumi" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#site-search-q-suggestions-status")).ToHaveTextAsync(new Regex("^Pieejam(s \\d+ ieteikums|i \\d+ ieteikumi)$"));
        await box.PressAsync("Escape");

        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(box).ToHaveValueAsync("paro");
        await box.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lv/search\\?q=paro$"));
    }

    [Fact]
    public async Task A_suggestion_opens_with_a_mouse_click()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/search");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Search the help centre" }).PressSequentiallyAsync("qr co");
        await page.GetByRole(AriaRole.Option, new() { Name = "Where do I find the QR code?" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/articles/where-to-find-the-qr-code$"));
    }

    [Theory]
    [InlineData("/en/", "passw")]
    [InlineData("/lv/topics/divfaktoru-autentifikacija", "viedt")]
    public async Task Open_suggestions_with_one_highlighted_have_no_accessibility_violations(string url, string typed)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        var box = page.GetByRole(AriaRole.Combobox).First;

        await box.PressSequentiallyAsync(typed);
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToHaveAttributeAsync("aria-selected", "true");

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Without_javascript_the_search_box_is_a_plain_search_form()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/en/");

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "What do you need help with?" });
        await box.FillAsync("passw");
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/search\\?q=passw$"));
        Assert.Equal(0, await page.Locator("[role=listbox], [role=combobox]").CountAsync());
    }
}
