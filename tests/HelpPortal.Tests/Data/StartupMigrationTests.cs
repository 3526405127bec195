using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HelpPortal.Tests.Data;

/// <summary>
/// A start migrates only when the database's history lacks a migration (MigrateAsync costs a model comparison even
/// when there is nothing to apply): a database left behind by an older release must still be brought up to date.
/// </summary>
public sealed class StartupMigrationTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_database_a_migration_behind_gets_the_missing_migration_at_start()
    {
        string latest;
        await using (var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={_factory.DatabasePath}").Options))
        {
            var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
            latest = migrations[^1];
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            Assert.Equal([latest], await db.Database.GetPendingMigrationsAsync());
        }

        _factory.CreateClient();

        var applied = await _factory.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(latest, applied.Last());
        Assert.Empty(await _factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task A_restart_on_an_up_to_date_database_keeps_its_data()
    {
        _factory.CreateClient();
        var imports = await _factory.WithDbAsync(db => db.ContentImports.CountAsync());

        using var restarted = new PortalFactory { Settings = { ["ConnectionStrings:Portal"] = _factory.ConnectionString } };
        restarted.CreateClient();

        // The content is as the first start imported it, so the restart records no import of its own: the first one's is kept.
        Assert.Equal(imports, await restarted.WithDbAsync(db => db.ContentImports.CountAsync()));
        Assert.Equal(50, await restarted.CountTranslationsAsync());
        Assert.Contains(restarted.Logs.MessagesAtOrAbove(Serilog.Events.LogEventLevel.Information), m => m.Contains("nothing to import", StringComparison.Ordinal));
        Assert.Empty(await restarted.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    public void Dispose() => _factory.Dispose();
}
