using System.CommandLine;
using HelpPortal.Web.Data;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.Localization;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Content;

/// <summary>
/// <c>content check</c>: the content folder checked by the same reader the portal imports with, for CI and authors;
/// <c>content import</c>: the same import the portal runs at start-up, once, for a deployment step.
/// </summary>
public static class ContentCommands
{
    public static Command Create(IServiceProvider services)
    {
        var check = new Command("check", "Validate the content folder: prints every problem; exit code 1 when there is an error.");
        check.SetAction(parse => Check(services, parse.InvocationConfiguration.Output));
        var import = new Command("import", "Import the content folder into the database now, as the portal does at start-up; exit code 1 when a file has an error (the other files are imported).");
        import.SetAction((parse, cancellationToken) => ImportAsync(services, parse.InvocationConfiguration.Output, cancellationToken));
        return new Command("content", "The help content in the content folder.") { check, import };
    }

    private static async Task<int> ImportAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MigratePortalDatabaseAsync(cancellationToken);
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(cancellationToken);
        foreach (var problem in report.Problems)
        {
            output.WriteLine(problem);
        }

        var errors = report.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        output.WriteLine(report.Applied
            ? $"Imported: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Removed} removed; {errors} errors."
            : $"Nothing imported: {errors} errors (the catalogue keeps what it had).");
        return errors > 0 ? 1 : 0;
    }

    private static int Check(IServiceProvider services, TextWriter output)
    {
        var folder = services.GetRequiredService<PortalPaths>().Resolve(services.GetRequiredService<IOptions<ContentOptions>>().Value.Path);
        var content = new ContentReader().Read(folder);
        var problems = content.Problems.Concat(ContentReader.UnusedSynonymGroups(folder, content.Articles)).ToList();

        // The shipped organisation details are placeholders: a public site must not go live naming nobody. The check is
        // about content, so settings the portal would refuse at start are a warning here, not a crash.
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            string? warning;
            try
            {
                warning = services.GetRequiredService<IOptions<OrganisationOptions>>().Value.HasPlaceholders
                    ? "The organisation's name, contact email or address is still a placeholder ([…] or @example.org): the footer and the legal pages show it. Set Portal:Organisation (see docs/operations.md)."
                    : null;
            }
            catch (OptionsValidationException ex)
            {
                warning = $"{ex.Message} The portal will not start until it is set (see docs/operations.md).";
            }

            if (warning is not null)
            {
                problems.Add(new("Portal:Organisation", 0, null, warning, ProblemSeverity.Warning));
            }
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        var topics = content.Topics?.Count ?? 0;
        var warnings = problems.Count(p => p.Severity == ProblemSeverity.Warning);
        output.WriteLine($"{folder}: {topics} topics, {content.Articles.Count} article files and {content.Pages.Count} page files load; {content.ErrorCount} errors, {warnings} warnings.");
        return content.ErrorCount > 0 ? 1 : 0;
    }
}
