using System.Globalization;

namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// A range of UTC days, both ends inclusive and either open, as the reports and <c>survey export</c> read it from a query
/// string or the command line (<c>from</c>, <c>to</c>, written YYYY-MM-DD).
/// </summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads both ends; <paramref name="errors"/> gets what is wrong, and a wrong end is left open.</summary>
    public static DateRange Parse(string? from, string? to, List<string> errors)
    {
        var fromDate = ParseDate(from, "from", errors);
        var toDate = ParseDate(to, "to", errors);
        if (fromDate > toDate)
        {
            errors.Add($"'from' ({from}) is after 'to' ({to}).");
        }

        return new DateRange(fromDate, toDate);
    }

    private static DateOnly? ParseDate(string? text, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"'{name}' must be a date written as YYYY-MM-DD, not '{text}'.");
        return null;
    }
}
