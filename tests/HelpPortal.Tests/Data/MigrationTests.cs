using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HelpPortal.Tests.Data;

/// <summary>
/// Each provider keeps its own migrations. A change to the model without a migration for either would start fine on
/// the provider that has one and fail (or silently differ) on the other; these tests catch it at build time, with no
/// database server needed: the model is compared with each provider's committed snapshot.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_cover_every_change_to_the_model()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: dotnet ef migrations add <Name> --context SqlitePortalDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_cover_every_change_to_the_model()
    {
        using var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgresPortalDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void Each_provider_sees_only_its_own_migrations()
    {
        using var sqlite = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=unused").Options);

        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();

        // The SQLite history starts where the portal's first release started: existing databases keep their ids.
        Assert.Equal("20261127202539_InitialCatalogue", sqliteMigrations[0]);
        Assert.NotEmpty(postgresMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
        Assert.All(sqlite.GetService<IMigrationsAssembly>().Migrations.Values, type => Assert.EndsWith(".Sqlite", type.Namespace, StringComparison.Ordinal));
        Assert.All(postgres.GetService<IMigrationsAssembly>().Migrations.Values, type => Assert.EndsWith(".Postgres", type.Namespace, StringComparison.Ordinal));
    }
}
