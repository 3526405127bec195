using HelpPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Data;

public static class DatabaseExtensions
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration.GetConnectionString("Portal") ?? "")
            .Validate(options => Enum.IsDefined(options.Provider), "Database:Provider must be Sqlite or Postgres.")
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString), "ConnectionStrings:Portal is not set in configuration.")
            .ValidateOnStart();

        // Resolved once, on first use: a relative SQLite file is found from the same base folder as the content.
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new ResolvedConnectionString(options.Provider == DatabaseProvider.Sqlite
                ? ResolveDataSource(options.ConnectionString, provider.GetRequiredService<PortalPaths>())
                : options.ConnectionString);
        });

        // Both providers are registered; the configured one answers for PortalDbContext, which is all the features ask
        // for. The choice is made when the first context is created, so configuration from any source takes part.
        // Contexts are pooled: a new one costs more than many a request (its options are compared with the cached ones
        // and its sets initialised), and the survey makes one for every answer's request and every batch it commits.
        services.AddDbContextPool<SqlitePortalDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<ResolvedConnectionString>().Value, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(new SqlitePragmas()));
        services.AddDbContextPool<PostgresPortalDbContext>((provider, options) => options.UsePortalNpgsql(provider.GetRequiredService<ResolvedConnectionString>().Value));
        services.AddScoped<PortalDbContext>(provider => provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? provider.GetRequiredService<PostgresPortalDbContext>()
            : provider.GetRequiredService<SqlitePortalDbContext>());
        services.AddSharedKeyRing();
        return services;
    }

    private sealed record ResolvedConnectionString(string Value);

    /// <summary>PostgreSQL as the portal uses it; <c>database copy</c> opens its target the same way.</summary>
    internal static DbContextOptionsBuilder UsePortalNpgsql(this DbContextOptionsBuilder options, string connectionString)
        => options.UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));

    public static bool IsPostgres(this PortalDbContext db) => db is PostgresPortalDbContext;

    /// <summary>
    /// The collation that compares text by its bytes, for an ORDER BY that must come out the same on both providers:
    /// <c>EF.Functions.Collate(text, db.ByteOrder())</c>. SQLite compares by bytes already (BINARY); PostgreSQL's
    /// default follows the server's locale, where "=cmd" comes before "1password" and "Zeta" after "ab" (en_US, lv_LV).
    /// </summary>
    public static string ByteOrder(this PortalDbContext db) => db.IsPostgres() ? "C" : "BINARY";

    /// <summary>
    /// Applies the committed migrations of the configured provider; any failure stops the start-up. Several instances
    /// may start at once: EF Core holds a migration lock on the database while it migrates, so only one applies them.
    /// </summary>
    public static async Task MigratePortalDatabaseAsync(this PortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres())
        {
            await MigrateWhenBehindAsync(db, cancellationToken);
            return;
        }

        // WAL lets visitors read while the importer or a survey submission writes; it is a property of the file, set once.
        // Plain commands, not SqlQueryRaw: a LINQ query costs a query compilation at every start.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var journalMode = await PragmaAsync(db, "PRAGMA journal_mode = WAL", cancellationToken);
            var synchronous = await PragmaAsync(db, "PRAGMA synchronous", cancellationToken);
            if (journalMode is not "wal" && !IsInMemory(db))
            {
                throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{journalMode}').");
            }

            if (synchronous is not 2L)
            {
                throw new InvalidOperationException($"SQLite synchronous is {synchronous}, expected 2 (FULL).");
            }

            await MigrateWhenBehindAsync(db, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// MigrateAsync also compares the model with the migrations' snapshot, building both models, which is a good part of
    /// a start when there is nothing to apply. So it runs only when the history lacks a migration; the comparison is
    /// made at build time instead (MigrationTests). Instances that start together may all find migrations pending: the
    /// migration lock lets one apply them and the others find nothing left to do.
    /// </summary>
    private static async Task MigrateWhenBehindAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    private static async Task<object?> PragmaAsync(PortalDbContext db, string pragma, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static bool IsInMemory(PortalDbContext db)
        => new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is ":memory:" or "";

    private static string ResolveDataSource(string connectionString, PortalPaths paths)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is ":memory:" or "" || builder.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        builder.DataSource = paths.Resolve(builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
