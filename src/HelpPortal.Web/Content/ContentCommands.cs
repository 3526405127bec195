using System.CommandLine;
using HelpPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Content;

/// <summary><c>content check</c>: the content folder checked by the same reader the portal imports with, for CI and authors.</summary>
public static class ContentCommands
{
    public static Command Create(IServiceProvider services)
    {
        var check = new Command("check", "Validate the content folder: prints every problem; exit code 1 when there is an error.");
        check.SetAction(parse => Check(services, parse.InvocationConfiguration.Output));
        return new Command("content", "The help content in the content folder.") { check };
    }

    private static int Check(IServiceProvider services, TextWriter output)
    {
        var folder = services.GetRequiredService<PortalPaths>().Resolve(services.GetRequiredService<IOptions<ContentOptions>>().Value.Path);
        var content = new ContentReader().Read(folder);
        foreach (var problem in content.Problems)
        {
            output.WriteLine(problem);
        }

        var topics = content.Topics?.Count ?? 0;
        output.WriteLine($"{folder}: {topics} topics, {content.Articles.Count} article files load; {content.ErrorCount} errors, {content.WarningCount} warnings.");
        return content.ErrorCount > 0 ? 1 : 0;
    }
}
