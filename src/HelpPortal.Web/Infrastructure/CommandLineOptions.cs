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

    /// <summary>
    /// A retention verb, <c>purge --older-than DAYS</c>: <paramref name="purge"/> runs in a scope of its own with the
    /// cutoff the portal's clock gives, and writes what it deleted to the command's output.
    /// </summary>
    public static Command PurgeCommand(
        IServiceProvider services, string description, string olderThanDescription, Func<IServiceProvider, DateTimeOffset, TextWriter, Task> purge)
    {
        var olderThan = OlderThanDays(olderThanDescription);
        var command = new Command("purge", description) { olderThan };
        command.SetAction(async parse =>
        {
            await using var scope = services.CreateAsyncScope();
            var cutoff = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-parse.GetValue(olderThan));
            await purge(scope.ServiceProvider, cutoff, parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }
}
