using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Content;
using HelpPortal.Web.Data;
using HelpPortal.Web.SurveyReports;

namespace HelpPortal.Web.Commands;

/// <summary>
/// The portal's command-line verbs (<c>dotnet run --project src/HelpPortal.Web -- content check</c>), each feature's
/// own, put together here. They run on the portal's own configuration and services, without starting the web server.
/// </summary>
public static class PortalCommands
{
    /// <summary>What the host itself reads from the command line; a command accepts them and leaves them to the host.</summary>
    private static readonly string[] HostOptions = ["--urls", "--environment", "--contentRoot"];

    /// <summary>Returns the exit code of the command in <paramref name="args"/>, or null when the portal should run as a web server.</summary>
    public static Task<int?> TryRunAsync(IServiceProvider services, string[] args)
        => TryRunAsync(services, args, Console.In, Console.Out, Console.Error);

    /// <summary>As <see cref="TryRunAsync(IServiceProvider, string[])"/>, reading passwords from <paramref name="input"/>.</summary>
    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        // No verb: the arguments, if any, are the host's own settings (--urls …, --Key value) for the web server.
        if (args is [] || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version")))
        {
            return null;
        }

        var databaseCommands = new[] { AdminCommands.Create(services, input), SurveyCommands.Create(services), MaintenanceCommands.Create(services) };
        var root = new RootCommand("The help portal's commands; run without a command, it serves the portal.") { HelpName = "HelpPortal.Web" };
        root.Subcommands.Add(ContentCommands.Create(services));
        root.Subcommands.Add(DatabaseCommands.Create(services));
        foreach (var command in databaseCommands)
        {
            root.Subcommands.Add(command);
        }

        foreach (var name in HostOptions)
        {
            root.Options.Add(new Option<string>(name) { Hidden = true, Recursive = true });
        }

        // A value is taken as written: "@name" is not a response file to read arguments from.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

        // Exceptions surface as they did before (the process fails with the stack trace); Ctrl+C ends the command at once.
        var console = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (parse.Errors.Count > 0 && parse.CommandResult.Command.Subcommands.Count > 0)
        {
            return await UnknownCommandAsync(root, parse, args, error);
        }

        if (parse.Action is ParseErrorAction parseError)
        {
            // The errors alone, on standard error: standard output stays empty for scripts that read it.
            parseError.ShowHelp = false;
            parseError.ShowTypoCorrections = false;
        }
        else if (parse.Action == parse.CommandResult.Command.Action && databaseCommands.Any(c => parse.GetResult(c) is not null))
        {
            // The commands work on a fresh database too: bring its schema up to date first.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MigratePortalDatabaseAsync(CancellationToken.None);
        }

        return await parse.InvokeAsync(console);
    }

    /// <summary>A verb that is missing or unknown: exit code 2 and the help of the command it was looked for under.</summary>
    private static async Task<int> UnknownCommandAsync(RootCommand root, ParseResult parse, string[] args, TextWriter error)
    {
        error.WriteLine($"Unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'.");
        string[] known = [.. parse.Tokens.Where(t => t.Type == TokenType.Command).Select(t => t.Value), "--help"];
        await root.Parse(known).InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
        return 2;
    }
}
