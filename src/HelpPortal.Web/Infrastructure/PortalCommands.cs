using HelpPortal.Web.Content;

namespace HelpPortal.Web.Infrastructure;

/// <summary>
/// The portal's command-line verbs (<c>dotnet run --project src/HelpPortal.Web -- content check</c>). They run on the
/// portal's own configuration and services, without starting the web server.
/// </summary>
public static class PortalCommands
{
    public const string Usage = """
        Usage: HelpPortal.Web [command]
          (no command)     run the portal
          content check    validate the content folder; exit code 1 when it has errors
        """;

    /// <summary>Returns the exit code of the command in <paramref name="args"/>, or null when the portal should run as a web server.</summary>
    public static int? TryRun(IServiceProvider services, string[] args)
    {
        var verbs = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        switch (verbs)
        {
            case []:
                return null;
            case ["content", "check"]:
                return services.RunContentCheck(Console.Out);
            default:
                Console.Error.WriteLine($"Unknown command '{string.Join(' ', verbs)}'.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
