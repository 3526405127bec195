using System.Reflection;
using System.Text.RegularExpressions;
using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPortal.Tests.Data;

/// <summary>
/// The portal starts on the compiled models in Data/CompiledModels (EF Core finds them by their assembly attribute),
/// not on the model OnModelCreating builds. A model change without regenerating them would run on a stale model, so
/// these tests generate each one again, as <c>dotnet ef dbcontext optimize</c> does, and compare it with the committed files.
/// </summary>
public sealed partial class CompiledModelTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "helpportal-compiled-model-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_committed_sqlite_compiled_model_is_the_model_as_it_is_now()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        AssertCompiledModelIsCurrent(db, "Sqlite");
    }

    [Fact]
    public void The_committed_postgres_compiled_model_is_the_model_as_it_is_now()
    {
        using var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=unused").Options);

        AssertCompiledModelIsCurrent(db, "Postgres");
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private void AssertCompiledModelIsCurrent(DbContext db, string provider)
    {
        var committedFolder = Path.Combine(TestContent.RepositoryRoot, "src", "HelpPortal.Web", "Data", "CompiledModels", provider);
        var regenerate = $"The compiled model is stale; regenerate it: dotnet ef dbcontext optimize --project src/HelpPortal.Web --context {db.GetType().Name} --output-dir Data/CompiledModels/{provider} --namespace HelpPortal.Web.Data.CompiledModels.{provider}";

        var generated = Scaffold(db, $"HelpPortal.Web.Data.CompiledModels.{provider}");

        Assert.True(
            Directory.GetFiles(committedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal)
                .SequenceEqual(generated.Select(Path.GetFileName).Order(StringComparer.Ordinal)),
            regenerate);
        foreach (var file in generated)
        {
            var committed = Path.Combine(committedFolder, Path.GetFileName(file));
            Assert.True(WithoutModelId(File.ReadAllText(file)) == WithoutModelId(File.ReadAllText(committed)), $"{Path.GetFileName(file)} differs. {regenerate}");
        }
    }

    /// <summary>Each generation gives the model a new random id; nothing else may differ.</summary>
    private static string WithoutModelId(string code) => ModelId().Replace(code, "modelId: new Guid()");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();

    /// <summary>What <c>dotnet ef dbcontext optimize</c> writes, written to a temporary folder.</summary>
    private IReadOnlyList<string> Scaffold(DbContext db, string modelNamespace)
    {
        // The provider names its design-time services in an assembly attribute, as the dotnet-ef tool finds them.
        var providerAssembly = Assembly.Load(db.GetService<IDatabaseProvider>().Name);
        var typeName = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName;
        var providerServices = (IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(typeName, throwOnError: true)!)!;

        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        providerServices.ConfigureDesignTimeServices(services);
        services.AddDbContextDesignTimeServices(db);
        using var serviceProvider = services.BuildServiceProvider();

        return serviceProvider.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
            db.GetService<IDesignTimeModel>().Model,
            _output,
            new CompiledModelCodeGenerationOptions
            {
                ContextType = db.GetType(),
                ModelNamespace = modelNamespace,
                Language = "C#",
                UseNullableReferenceTypes = true,
            });
    }
}
