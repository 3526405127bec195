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
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration.GetConnectionString("Portal") ?? "")
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString), "ConnectionStrings:Portal is not set in configuration.")
            .ValidateOnStart();

        // Resolved once, on first use: a relative SQLite file is found from the same base folder as the content.
        services.AddSingleton(provider => new ResolvedConnectionString(ResolveDataSource(
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, provider.GetRequiredService<PortalPaths>())));
        services.AddDbContext<PortalDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<ResolvedConnectionString>().Value, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(new SqlitePragmas()));
        return services;
    }

    private sealed record ResolvedConnectionString(string Value);

    /// <summary>Applies the committed migrations and switches the file to WAL; any failure stops the start-up.</summary>
    public static async Task MigratePortalDatabaseAsync(this PortalDbContext db, CancellationToken cancellationToken)
    {
        // WAL lets visitors read while the importer or a survey submission writes; it is a property of the file, set once.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var journalMode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode = WAL").ToListAsync(cancellationToken);
            var synchronous = await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync(cancellationToken);
            if (journalMode.SingleOrDefault() is not "wal" && !IsInMemory(db))
            {
                throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{journalMode.SingleOrDefault()}').");
            }

            if (synchronous.SingleOrDefault() != 2)
            {
                throw new InvalidOperationException($"SQLite synchronous is {synchronous.SingleOrDefault()}, expected 2 (FULL).");
            }

            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
