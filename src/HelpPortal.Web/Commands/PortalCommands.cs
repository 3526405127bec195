using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Content;
using HelpPortal.Web.Data;
using HelpPortal.Web.Reports.Content;
using HelpPortal.Web.Reports.Survey;

namespace HelpPortal.Web.Commands;

/// <summary>
/// The portal's command-line verbs (<c>dotnet run --project src/HelpPortal.Web -- content check</c>). They run on the
/// portal's own configuration and services, without starting the web server.
/// </summary>
public static class PortalCommands
{
    public const string Usage = """
        Usage: dotnet run --project src/HelpPortal.Web -- [command]
          (no command)                          run the portal
          content check                         validate the content folder; exit code 1 when it has errors
          admin create --email E                create an admin; the password is read from standard input
          admin list                            list the admins
          admin reset-password --email E        set a new password (read from standard input)
          admin disable --email E               disable an admin and end their sessions
          survey export --out FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--culture en|lv] [--article KEY]
                        [--topic KEY] [--headers codes|localized] [--language en|lv] [--delimiter comma|semicolon]
          survey purge --older-than DAYS        delete responses older than DAYS days
          maintenance purge --older-than DAYS   delete search misses and "Was this helpful?" votes older than DAYS days
        """;

    /// <summary>Returns the exit code of the command in <paramref name="args"/>, or null when the portal should run as a web server.</summary>
    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args)
    {
        var command = CommandLine.Parse(args);
        switch (command.Verbs)
        {
            case []:
                return null;
            case ["content", "check"]:
                return services.RunContentCheck(Console.Out);
            case ["admin", ..] or ["survey", ..] or ["maintenance", ..]:
                await using (var scope = services.CreateAsyncScope())
                {
                    // The commands work on a fresh database too: bring its schema up to date first.
                    await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MigratePortalDatabaseAsync(CancellationToken.None);
                }

                var exitCode = command.Verbs[0] switch
                {
                    "admin" => await AdminCommands.RunAsync(services, command, Console.In, Console.Out, Console.Error),
                    "survey" => await SurveyCommands.RunAsync(services, command, Console.Out, Console.Error),
                    _ => await MaintenanceCommands.RunAsync(services, command, Console.Out, Console.Error),
                };
                return exitCode >= 0 ? exitCode : Unknown(command);
            default:
                return Unknown(command);
        }
    }

    private static int Unknown(CommandLine command)
    {
        Console.Error.WriteLine($"Unknown command '{string.Join(' ', command.Verbs)}'.");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
