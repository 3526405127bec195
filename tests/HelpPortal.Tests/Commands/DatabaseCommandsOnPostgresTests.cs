
namespace HelpPortal.Tests.Commands;

/// <summary>The database commands read a SQLite file; a portal configured for PostgreSQL refuses them clearly.</summary>
public sealed class DatabaseCommandsOnPostgresTests(PostgresPortalFactory factory) : IClassFixture<PostgresPortalFactory>, IRunsOnPostgres
{
    [DatabaseFact]
    public async Task Backup_refuses_and_points_to_pg_dump()
    {
        var target = Path.Combine(Path.GetTempPath(), $"helpportal-backup-{Guid.NewGuid():N}.db");

        var (exitCode, output, error) = await factory.RunCommandAsync(null, "database", "backup", "--out", target);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("Database:Provider is Postgres", error, StringComparison.Ordinal);
        Assert.Contains("pg_dump", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".partial"));
    }

    [DatabaseFact]
    public async Task Copy_refuses_because_the_source_must_be_sqlite()
    {
        var (exitCode, output, error) = await factory.RunCommandAsync(null, "database", "copy", "--to-provider", "Postgres", "--to", "Host=127.0.0.1;Database=elsewhere");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("database copy copies from SQLite, but Database:Provider is Postgres here.", error, StringComparison.Ordinal);
    }
}
