using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelpPortal.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class SurveyJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_prompt_appears_dismisses_and_stays_dismissed()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/articles/forgotten-password");
        var prompt = page.GetByRole(AriaRole.Region, new() { Name = "Have time for a quick survey?" });
        await Assertions.Expect(prompt).ToBeVisibleAsync();

        await prompt.GetByRole(AriaRole.Button, new() { Name = "Not now" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/articles/forgotten-password$"));
        await Assertions.Expect(prompt).ToHaveCountAsync(0);
        await page.GotoAsync("/lv/articles/aizmirsta-parole");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Vai jums ir laiks īsai aptaujai?" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_survey_can_be_completed_with_the_keyboard_alone_in_latvian()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/lv/articles/kas-ir-eki");
        await page.GetByRole(AriaRole.Link, new() { Name = "Piedalīties aptaujā" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lv/survey\\?from=eqf$"));

        await TabUntilFocusedAsync(page, "#q1-1");
        await PressAsync(page, "ArrowRight", 3);               // q1 = 4
        await page.Keyboard.PressAsync("Tab");
        await PressAsync(page, "ArrowRight", 1);               // q2 = partly
        await page.Keyboard.PressAsync("Tab");
        await PressAsync(page, "ArrowRight", 4);               // q3 = 5
        await page.Keyboard.PressAsync("Tab");
        await PressAsync(page, "ArrowDown", 1);                // q4 = the first topic
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Ar tastatūru viss izdevās.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Iesniegt");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lv/survey/thanks\\?from=eqf$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Paldies par jūsu atsauksmi");
        var stored = await browser.Factory.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.Comment == "Ar tastatūru viss izdevās."));
        Assert.Equal((4, "partly", 5, "eu-login-account", "lv", "eqf"), (stored.Satisfaction, stored.FoundAnswer, stored.Ease, stored.Topic, stored.Culture, stored.SourceArticle));
    }

    [Fact]
    public async Task A_submission_with_errors_lists_them_at_the_top_and_moves_focus_there()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/survey");
        await page.GetByLabel("4 Satisfied", new() { Exact = true }).CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem with your answers");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("4 Satisfied", new() { Exact = true })).ToBeCheckedAsync();
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#q2-yes$"));
    }

    [Theory]
    [InlineData("en", 999, "1 character left")]
    [InlineData("en", 998, "2 characters left")]
    [InlineData("en", 1000, "0 characters left")]
    [InlineData("en", 1001, "1 character too many")]
    [InlineData("en", 1002, "2 characters too many")]
    [InlineData("lv", 999, "Atlikusi 1 rakstzīme")]
    [InlineData("lv", 998, "Atlikušas 2 rakstzīmes")]
    [InlineData("lv", 1000, "Atlikušas 0 rakstzīmes")]
    [InlineData("lv", 989, "Atlikušas 11 rakstzīmes")]
    [InlineData("lv", 979, "Atlikusi 21 rakstzīme")]
    [InlineData("lv", 1001, "Par 1 rakstzīmi par daudz")]
    [InlineData("lv", 1011, "Par 11 rakstzīmēm par daudz")]
    [InlineData("lv", 1022, "Par 22 rakstzīmēm par daudz")]
    public async Task The_character_counter_uses_the_plural_forms_of_the_page_language(string culture, int length, string expected)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/{culture}/survey");

        await page.Locator("#q5").FillAsync(new string('ā', length));

        await Assertions.Expect(page.Locator("#q5-hint")).ToHaveTextAsync(expected);
    }

    [Fact]
    public async Task The_survey_works_with_javascript_disabled()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/en/articles/what-is-the-eqf");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take the survey" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/survey\\?from=eqf$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();

        await page.Locator("#q1-5").CheckAsync();
        await page.Locator("#q2-yes").CheckAsync();
        await page.Locator("#q3-4").CheckAsync();
        await page.GetByLabel("What did you need help with today?").SelectOptionAsync("europass-documents");
        await page.GetByLabel("What could we do better?").FillAsync("Works without scripts.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/survey/thanks\\?from=eqf$"));
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Back to:") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/articles/what-is-the-eqf$"));
        await Assertions.Expect(page.Locator("section.survey-prompt")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_remaining_characters_hint_counts_down_while_typing()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/lv/survey");

        await page.Locator("#q5").FillAsync("Sveiki");

        await Assertions.Expect(page.Locator("#q5-hint")).ToHaveTextAsync("Atlikušas 994 rakstzīmes");
    }

    [Fact]
    public async Task The_hint_counts_an_emoji_or_a_letter_with_a_combining_mark_as_one_character_as_the_server_does()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/survey");

        await page.Locator("#q5").FillAsync("Hi 👋🏽 a\u0304");

        await Assertions.Expect(page.Locator("#q5-hint")).ToHaveTextAsync("994 characters left");
    }

    [Theory]
    [InlineData("/en/survey", false)]
    [InlineData("/lv/survey", false)]
    [InlineData("/en/survey", true)]
    [InlineData("/lv/survey", true)]
    [InlineData("/en/survey/thanks", false)]
    [InlineData("/lv/survey/thanks?from=forgotten-password", false)]
    public async Task The_survey_pages_have_no_serious_or_critical_accessibility_violations(string url, bool withErrors)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        if (withErrors)
        {
            await page.Locator("button[type=submit]").Last.ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        }

        await Accessibility.AssertNoViolationsAsync(page);
    }

    private static async Task TabUntilFocusedAsync(IPage page, string selector)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement?.matches('{selector}') === true"))
            {
                return;
            }
        }

        throw new InvalidOperationException($"{selector} never received keyboard focus.");
    }

    private static async Task PressAsync(IPage page, string key, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await page.Keyboard.PressAsync(key);
        }
    }
}
