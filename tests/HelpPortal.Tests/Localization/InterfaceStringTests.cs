using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HelpPortal.Tests.Localization;

/// <summary>
/// Every interface string exists in English and Latvian: the two resource files hold the same keys with text, every key
/// the sources name is in them, and no rendered page shows a key's name (what the localizer returns for a missing one).
/// </summary>
public sealed partial class InterfaceStringTests : IDisposable
{
    private static readonly string WebProject = Path.Combine(TestContent.RepositoryRoot, "src", "HelpPortal.Web");
    private static readonly string[] PluralCategories = ["Zero", "One", "Other"];
    private readonly PortalFactory _factory = new();

    private static Dictionary<string, string> Strings(string file)
        => XDocument.Load(Path.Combine(WebProject, "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static readonly Dictionary<string, string> English = Strings("SharedResource.resx");
    private static readonly Dictionary<string, string> Latvian = Strings("SharedResource.lv.resx");

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        Assert.Empty(English.Keys.Except(Latvian.Keys));
        Assert.Empty(Latvian.Keys.Except(English.Keys));
    }

    [Fact]
    public void Every_string_has_text_in_both_languages()
    {
        Assert.Empty(English.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key));
        Assert.Empty(Latvian.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key));
    }

    [Fact]
    public void Both_languages_of_a_string_fill_in_the_same_placeholders()
    {
        static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

        Assert.Empty(English.Where(s => Latvian.TryGetValue(s.Key, out var lv) && Placeholders(s.Value) != Placeholders(lv)).Select(s => s.Key));
    }

    [Fact]
    public void Every_key_the_sources_name_is_in_the_resources()
    {
        var sources = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();

        var named = sources.SelectMany(s => LiteralKey().Matches(s).Select(m => m.Groups["key"].Value))
            .Concat(sources.SelectMany(s => PluralKey().Matches(s).SelectMany(m => PluralCategories.Select(c => $"{m.Groups["key"].Value}.{c}"))))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(named);
        Assert.Empty(named.Where(k => !English.ContainsKey(k)).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> PublicPages => new()
    {
        "/{0}/",
        "/en/topics/setting-up-two-factor-authentication",
        "/lv/topics/divfaktoru-autentifikacijas-iestatisana",
        "/en/articles/forgotten-password",
        "/lv/articles/aizmirsta-parole",
        "/{0}/search",
        "/{0}/search?q=parole",
        "/{0}/search?q=password",
        "/{0}/search?q=zzzqqq",
        "/{0}/survey",
        "/{0}/survey/thanks?from=forgotten-password",
        "/{0}/feedback/thanks?article=forgotten-password&ask=reason",
        "/{0}/articles/no-such-article",
        "/{0}/test-failure",
        "/{0}/admin/login",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task No_page_shows_the_name_of_a_string_instead_of_its_text(string url)
    {
        foreach (var culture in new[] { "en", "lv" })
        {
            var response = await _factory.CreatePlainClient("https://localhost").GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, culture));
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);

            AssertNoKeyNames(url, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("lv")]
    public async Task A_refused_survey_shows_no_string_names(string culture)
    {
        var form = await SurveyForm.OpenAsync(_factory.CreatePlainClient(), $"/{culture}/survey");

        var response = await form.PostAsync([new("q4", "passports"), new("q5", new string('x', 1001)), new("q6", "x")]);

        AssertNoKeyNames(culture, await response.Content.ReadAsStringAsync());
    }

    private static void AssertNoKeyNames(string page, string html)
    {
        var shown = KeyName().Matches(html).Select(m => m.Value).Where(English.ContainsKey).Distinct().ToList();
        Assert.True(shown.Count == 0, $"{page} shows {string.Join(", ", shown)}");
        var unknown = KeyLike().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"{page} shows what looks like a missing string: {string.Join(", ", unknown)}");
    }

    /// <summary>A key literally named in code: T["…"], text["…"], an ErrorMessage or a SurveyError's message key.</summary>
    [GeneratedRegex(@"(?:\b(?:T|text)\[|ErrorMessage = |SurveyError\([^,]+, |Key = )""(?<key>[A-Z][A-Za-z]+(?:\.[A-Za-z-]+)+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"Plural\.Key\(""(?<key>[A-Za-z.]+)""")]
    private static partial Regex PluralKey();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[A-Z][A-Za-z]+(?:\.[A-Za-z-]+)+")]
    private static partial Regex KeyName();

    /// <summary>A dotted name in the resources' own families: Survey.Error.Required, Home.Popular…</summary>
    [GeneratedRegex(@"(?<![\w./-])(?:Site|Nav|Home|Topic|Article|Error|Survey|Search|Feedback|Admin|Page|Format)\.[A-Z][A-Za-z-]*(?:\.[A-Za-z-]+)*")]
    private static partial Regex KeyLike();

    public void Dispose() => _factory.Dispose();
}
