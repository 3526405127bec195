using System.CommandLine;
using System.Globalization;

namespace HelpPortal.Web.Infrastructure;

/// <summary>Command-line options that more than one feature reads, so that each reads them the same way.</summary>
public static class CommandLineOptions
{
    /// <summary>
    /// <c>--older-than DAYS</c>, the retention period of the purge commands: a whole number of days, 1 or more. Zero
    /// would delete everything up to now, so it is refused rather than taken literally.
    /// </summary>
    public static Option<int> OlderThanDays(string description) => new("--older-than")
    {
        Description = description,
        HelpName = "DAYS",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days >= 1)
            {
                return days;
            }

            result.AddError($"--older-than must be a whole number of days, 1 or more, not '{text}'.");
            return 0;
        },
    };
}
