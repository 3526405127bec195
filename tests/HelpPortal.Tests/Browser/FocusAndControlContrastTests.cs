using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HelpPortal.Tests.Browser;

/// <summary>
/// What axe does not check (WCAG 2.4.7, 1.4.11, 2.5.8): that every element the keyboard reaches shows a focus ring
/// that stands out at least 3:1 from what surrounds it, that form controls' borders do too, and that radios and the
/// vote buttons are large enough to hit. Everything is read from the browser's computed styles.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class FocusAndControlContrastTests(BrowserFixture browser)
{
    private const double MinimumContrast = 3.0;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The focused element's outline and the colour behind it, sampled just outside the ring (elementsFromPoint), so an
    /// element drawn over another band — the skip link over the header — is judged against what is really there.
    /// </summary>
    private const string ReadFocusScript = """
        () => {
          const element = document.activeElement;
          // Null once focus leaves the page or comes round again to an element already read.
          if (!element || element === document.body || element.hasAttribute('data-focus-read')) return null;
          element.setAttribute('data-focus-read', '');
          const style = getComputedStyle(element);
          const rect = element.getBoundingClientRect();
          const reach = (parseFloat(style.outlineOffset) || 0) + (parseFloat(style.outlineWidth) || 0) + 2;
          let x = rect.left - reach;
          if (x < 0) x = rect.right + reach;
          const y = rect.top + rect.height / 2;
          const behind = document.elementsFromPoint(Math.min(x, innerWidth - 1), Math.max(0, Math.min(y, innerHeight - 1)))
            .find(e => e !== element && !element.contains(e)) || document.body;
          let background = 'rgba(0, 0, 0, 0)';
          for (let e = behind; e; e = e.parentElement) {
            const color = getComputedStyle(e).backgroundColor;
            if (!/rgba\(.*, 0\)$/.test(color) && color !== 'transparent') { background = color; break; }
          }
          return {
            description: element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + ' "' + (element.textContent || element.value || '').trim().slice(0, 40) + '"',
            outlineStyle: style.outlineStyle,
            outlineWidth: parseFloat(style.outlineWidth) || 0,
            outlineColor: style.outlineColor,
            shadowColors: style.boxShadow === 'none' ? [] : style.boxShadow.match(/rgba?\([^)]*\)/g) || [],
            background: background === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : background,
          };
        }
        """;

    /// <summary>Each visible form control's border and the background of what contains it.</summary>
    private const string ReadControlsScript = """
        selector => [...document.querySelectorAll(selector)]
          .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > 0)
          .map(e => {
            const style = getComputedStyle(e);
            let background = 'rgb(255, 255, 255)';
            for (let p = e.parentElement; p; p = p.parentElement) {
              const color = getComputedStyle(p).backgroundColor;
              if (!/rgba\(.*, 0\)$/.test(color) && color !== 'transparent') { background = color; break; }
            }
            const rect = e.getBoundingClientRect();
            return {
              description: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : ''),
              borderStyle: style.borderTopStyle, borderWidth: parseFloat(style.borderTopWidth) || 0, borderColor: style.borderTopColor,
              background, width: rect.width, height: rect.height,
            };
          })
        """;

    [Theory]
    [InlineData("/en/survey")]
    [InlineData("/lv/survey")]
    [InlineData("/en/articles/what-is-the-cefr")]
    [InlineData("/lv/articles/kas-ir-eki")]
    [InlineData("/en/feedback/thanks?article=cefr&ask=reason")]
    public async Task Every_element_the_keyboard_reaches_shows_a_focus_ring_of_at_least_3_to_1_against_its_background(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        var reached = new List<FocusRing>();
        for (var presses = 0; presses < 200; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var ring = await ReadAsync<FocusRing?>(page, ReadFocusScript);
            if (ring is null)
            {
                break;
            }

            reached.Add(ring);
        }

        Assert.True(reached.Count >= 6, $"Only {reached.Count} elements took focus on {url}.");
        // The ring is drawn in two colours (black and yellow, outline and box-shadow), so that one of them stands out on any
        // background: the outline must be there, and one of its colours must reach 3:1 against what surrounds it.
        var failures = reached
            .Where(r => r.OutlineStyle is "none" || r.OutlineWidth < 2
                || r.ShadowColors.Append(r.OutlineColor).All(color => Contrast(color, r.Background) < MinimumContrast))
            .Select(r => $"{r.Description}: outline {r.OutlineStyle} {r.OutlineWidth}px {r.OutlineColor}, shadow {string.Join(" ", r.ShadowColors)} on {r.Background}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/en/survey", "form#survey-form input:not([type=hidden]):not([tabindex='-1']), form#survey-form select, form#survey-form textarea, #site-search-q")]
    [InlineData("/lv/feedback/thanks?article=eqf&ask=reason", "main input:not([type=hidden])")]
    public async Task Every_form_control_has_a_border_of_at_least_3_to_1_against_its_background(string url, string controls)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        var found = await ReadAsync<List<Control>>(page, ReadControlsScript, controls);

        Assert.NotEmpty(found);
        var failures = found
            .Where(c => c.BorderStyle is "none" || c.BorderWidth < 1 || Contrast(c.BorderColor, c.Background) < MinimumContrast)
            .Select(c => $"{c.Description}: border {c.BorderStyle} {c.BorderWidth}px {c.BorderColor} on {c.Background} ({Contrast(c.BorderColor, c.Background):0.00}:1)")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/lv/survey", "input[type=radio]")]
    [InlineData("/en/feedback/thanks?article=cefr&ask=reason", "input[type=radio]")]
    [InlineData("/en/articles/what-is-the-cefr", "form[data-feedback] button")]
    public async Task Radios_and_vote_buttons_are_targets_of_at_least_24_by_24_pixels(string url, string targets)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        var found = await ReadAsync<List<Control>>(page, ReadControlsScript, targets);

        Assert.NotEmpty(found);
        Assert.All(found, c => Assert.True(c.Width >= 24 && c.Height >= 24, $"{c.Description}: {c.Width}×{c.Height} px"));
    }

    [Theory]
    [InlineData("/en/", "passw")]
    [InlineData("/lv/articles/kas-ir-eki", "paro")]
    public async Task The_highlighted_search_suggestion_is_outlined_at_least_3_to_1_against_the_other_suggestions(string url, string typed)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        var box = page.GetByRole(AriaRole.Combobox).First;
        await box.PressSequentiallyAsync(typed);
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await box.PressAsync("ArrowDown");

        var highlight = await ReadAsync<SuggestionHighlight>(page, """
            () => {
              const option = document.querySelector('[role=option][aria-selected=true]');
              const style = getComputedStyle(option);
              return {
                outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0, outlineColor: style.outlineColor,
                background: style.backgroundColor, listBackground: getComputedStyle(option.parentElement).backgroundColor,
              };
            }
            """);

        Assert.Equal("solid", highlight.OutlineStyle);
        Assert.True(highlight.OutlineWidth >= 2, $"{highlight.OutlineWidth}px");
        Assert.InRange(Contrast(highlight.OutlineColor, highlight.ListBackground), MinimumContrast, 21);
        Assert.InRange(Contrast(highlight.OutlineColor, highlight.Background), MinimumContrast, 21);
    }

    private static async Task<T> ReadAsync<T>(IPage page, string script, object? argument = null)
    {
        var json = await page.EvaluateAsync<JsonElement>(script, argument);
        return json.Deserialize<T>(Json)!;
    }

    /// <summary>The WCAG contrast ratio of two computed colours ("rgb(r, g, b)" or "rgba(r, g, b, a)", taken as opaque).</summary>
    private static double Contrast(string foreground, string background)
    {
        var (lighter, darker) = (Luminance(foreground), Luminance(background)) is var (a, b) && a > b ? (a, b) : (b, a);
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Luminance(string color)
    {
        var channels = Channels().Matches(color).Take(3).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture) / 255).ToArray();
        Assert.True(channels.Length == 3, $"Not a computed colour: {color}");
        var linear = channels.Select(c => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
        return (0.2126 * linear[0]) + (0.7152 * linear[1]) + (0.0722 * linear[2]);
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Channels();

    private sealed record FocusRing(string Description, string OutlineStyle, double OutlineWidth, string OutlineColor, string[] ShadowColors, string Background);

    private sealed record SuggestionHighlight(string OutlineStyle, double OutlineWidth, string OutlineColor, string Background, string ListBackground);

    private sealed record Control(string Description, string BorderStyle, double BorderWidth, string BorderColor, string Background, double Width, double Height);
}
