namespace HelpPortal.Web.Localization;

/// <summary>CLDR plural categories for the portal's languages; resource keys end in .Zero, .One or .Other.</summary>
public static class Plural
{
    public static string Key(string prefix, string culture, int n) => $"{prefix}.{Category(culture, n)}";

    public static string Category(string culture, int n)
    {
        var abs = Math.Abs(n);
        if (culture == PortalCultures.Latvian)
        {
            // Latvian: 0, 10–20, 30, 100… take the "zero" form; 1, 21, 31… (not 11) the singular.
            if (abs % 10 == 0 || abs % 100 is >= 11 and <= 19)
            {
                return "Zero";
            }

            return abs % 10 == 1 ? "One" : "Other";
        }

        return abs == 1 ? "One" : "Other";
    }
}
