using System.Globalization;

namespace HelpPortal.Web.Localization;

/// <summary>The portal's languages. Adding one means a resx file, a content folder and a line here.</summary>
public static class PortalCultures
{
    public const string English = "en";
    public const string Latvian = "lv";
    public const string Default = English;

    public static IReadOnlyList<string> All { get; } = [English, Latvian];

    /// <summary>Exact, case-sensitive match: /LV/ is not a culture, so it can never silently serve English.</summary>
    public static bool IsSupported(string? culture) => culture is English or Latvian;

    public static CultureInfo GetCultureInfo(string culture) => CultureInfo.GetCultureInfo(culture);

    public static string NativeName(string culture) => culture switch
    {
        English => "English",
        Latvian => "Latviešu",
        _ => culture,
    };
}
