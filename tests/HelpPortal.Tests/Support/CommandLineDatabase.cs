namespace HelpPortal.Tests.Support;

/// <summary>
/// The settings that point the portal's executable (<see cref="PortalProcess"/>) at a database, as an operator's
/// environment variables would: a fresh one of its own, or the one a test portal runs on.
/// </summary>
public sealed class CommandLineDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpportal-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;

    private CommandLineDatabase(TestDatabase database)
    {
        Directory.CreateDirectory(_folder);
        var connectionString = database == TestDatabase.Postgres
            ? TestPostgres.CreateDatabase(out _postgresDatabase)
            : $"Data Source={Path.Combine(_folder, "portal.db")}";
        Environment = Settings(database, connectionString, Path.Combine(_folder, "keys"));
    }

    /// <summary>Environment variables for the executable: the provider, the connection string, a keys folder.</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>An empty database, created for the executable alone and deleted on dispose.</summary>
    public static CommandLineDatabase Fresh(TestDatabase database) => new(database);

    /// <summary>The executable on the same database as a running test portal (whose keys folder it must not share).</summary>
    public static Dictionary<string, string> Of(PortalFactory factory, string keysFolder)
        => Settings(factory.Database, factory.ConnectionString, keysFolder);

    public void Dispose()
    {
        if (_postgresDatabase is not null)
        {
            TestPostgres.DropDatabase(_postgresDatabase);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static Dictionary<string, string> Settings(TestDatabase database, string connectionString, string keysFolder) => new()
    {
        ["Database__Provider"] = database.ToString(),
        ["ConnectionStrings__Portal"] = connectionString,
        ["DataProtection__KeysPath"] = keysFolder,
    };
}
