using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HelpPortal.Tests.Architecture;

/// <summary>
/// The folder dependency graph of the compiled web project, and the rule it keeps (docs/decisions/0003): the
/// foundations use no feature, and no folders reach each other both ways, however long the way round. The one accepted
/// exception: the DbContext names every entity type it maps, wherever the entity lives.
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    /// <summary>The foundations every feature may use; they use no feature.</summary>
    private static readonly string[] Foundations = ["Infrastructure", "Localization"];

    /// <summary>Code that <c>dotnet ef</c> writes from the model; it names every entity because the model does.</summary>
    private static readonly string[] Generated = ["Data.Migrations"];

    private static readonly Lazy<FolderGraph> Portal = new(() => CompiledFolders.Read(
        typeof(PortalDbContext).Assembly, "HelpPortal.Web", Generated, DbContextMapsEntity));

    [Fact]
    public void The_foundations_depend_on_no_feature_folder()
    {
        var graph = Print(Portal.Value);

        var violations = Foundations
            .SelectMany(f => graph.From(f).Where(t => !Foundations.Contains(t)).Select(t => $"{f} -> {t}"))
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void No_folders_depend_on_each_other_in_a_cycle_of_any_length()
    {
        var graph = Print(Portal.Value);

        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void A_cycle_of_three_folders_is_found_in_compiled_code()
    {
        var graph = Print(CompiledFolders.Read(
            typeof(CycleSample.A.First).Assembly, "HelpPortal.Tests.Architecture.CycleSample", [], (_, _) => false));

        Assert.Equal(["A <-> B <-> C"], graph.Cycles());
    }

    [Fact]
    public void Razor_views_are_read_as_part_of_the_folder_their_file_lives_in()
    {
        var graph = Print(Portal.Value);

        Assert.Contains("Legal", graph.From("Views"));
        Assert.Contains("Survey", graph.Folders);
    }

    [Fact]
    public void No_two_types_of_the_portal_share_a_name()
    {
        var shared = typeof(PortalDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("HelpPortal.Web.", StringComparison.Ordinal) == true
                && !Generated.Any(g => t.Namespace.StartsWith($"HelpPortal.Web.{g}", StringComparison.Ordinal))
                && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false))
            .GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(t => t.FullName)))
            .ToList();

        Assert.Empty(shared);
    }

    /// <summary>
    /// ADR 0003's exception, as narrow as it can be: a DbContext of Data naming a type its model maps. Anything else in
    /// Data that names a feature's type is an arrow like any other.
    /// </summary>
    private static bool DbContextMapsEntity(string origin, string target) => DbContexts.Contains(origin) && Entities.Value.Contains(target);

    private static readonly string[] DbContexts = [.. new[] { typeof(PortalDbContext), typeof(SqlitePortalDbContext), typeof(PostgresPortalDbContext) }.Select(t => t.FullName!)];

    private static readonly Lazy<HashSet<string>> Entities = new(() =>
    {
        using var sqlite = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=unused").Options);
        return [.. sqlite.Model.GetEntityTypes().Concat(postgres.Model.GetEntityTypes()).Select(e => e.ClrType.FullName!)];
    });

    private FolderGraph Print(FolderGraph graph)
    {
        output.WriteLine(graph.ToString());
        foreach (var cycle in graph.Cycles())
        {
            output.WriteLine($"cycle: {cycle}");
        }

        return graph;
    }
}
