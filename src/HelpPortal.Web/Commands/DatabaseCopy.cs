using System.Globalization;
using System.Xml.Linq;
using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Search;
using HelpPortal.Web.Data;
using HelpPortal.Web.Survey;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace HelpPortal.Web.Commands;

/// <summary>
/// <c>database copy --to-provider Postgres --to CONNECTION</c>: moves what people left behind — survey answers, votes,
/// search misses, admin accounts with their second factor — from the configured SQLite database into an empty
/// PostgreSQL database, in one transaction. The catalogue is not copied: it is derived from content/, which the portal
/// imports when it starts on the new database.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>
    /// Rows per SaveChanges, after which the change tracker is cleared, so memory stays flat however long a table is.
    /// Rows go through the model rather than Npgsql's binary COPY: COPY would be faster, but it would repeat every
    /// column's mapping (ticks, booleans, uuids, dates) by hand beside the model, and a column a later migration adds
    /// would be silently left behind. These tables hold thousands of rows, not millions.
    /// </summary>
    private const int BatchSize = 1000;

    /// <summary>The copied tables, each before the tables whose foreign keys point at it.</summary>
    private static readonly CopiedTable[] Tables =
    [
        Table<AdminUser>(),
        Table<IdentityRole>(),
        Table<IdentityUserRole<string>>(),
        Table<IdentityUserClaim<string>>(),
        Table<IdentityRoleClaim<string>>(),
        Table<IdentityUserLogin<string>>(),
        Table<IdentityUserToken<string>>(),
        Table<UsedAuthenticatorCode>(),
        Table<SurveyResponse>(),
        Table<ArticleVote>(),
        Table<SearchMiss>(),
    ];

    /// <summary>The entity types whose rows are copied, in the order they are copied.</summary>
    public static IReadOnlyList<Type> CopiedEntities { get; } = [.. Tables.Select(t => t.Entity)];

    public static async Task<int> CopyAsync(IServiceProvider services, string targetConnectionString, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<PortalDbContext>() is not SqlitePortalDbContext source)
        {
            error.WriteLine("database copy copies from SQLite, but Database:Provider is Postgres here. Run it with the configuration of the SQLite portal.");
            return 1;
        }

        var sourceFile = new SqliteConnectionStringBuilder(source.Database.GetConnectionString()).DataSource;
        if (!File.Exists(sourceFile))
        {
            error.WriteLine($"There is no database at {sourceFile} (check ConnectionStrings:Portal).");
            return 1;
        }

        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(targetConnectionString);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"--to is not a PostgreSQL connection string: {ex.Message}");
            return 1;
        }

        // Named without the password, which the connection string may carry.
        var targetName = $"PostgreSQL database \"{target.Database ?? target.Username}\" on {target.Host}:{target.Port}";
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>();
        options.UsePortalNpgsql(target.ConnectionString);
        await using var db = new PostgresPortalDbContext(options.Options);
        try
        {
            // Its own migrations: on a new database they create every table, on an up-to-date one they do nothing.
            // Outside the copy's transaction, because EF Core runs migrations in transactions of its own.
            await db.MigratePortalDatabaseAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            error.WriteLine($"Cannot open the {targetName}: {ex.Message}");
            return 1;
        }

        // The source is read through the current model: a file an older portal left is brought up to date first, as the
        // portal's own start-up would.
        await source.MigratePortalDatabaseAsync(cancellationToken);

        List<(string Table, long Rows)> counts = [];
        CopiedKeys keys;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var occupied = await LockAndFindOccupiedTablesAsync(db, cancellationToken);
            if (occupied.Count > 0)
            {
                error.WriteLine($"The {targetName} is not empty: {string.Join(", ", occupied)} already hold rows. database copy writes only into an empty database; nothing was written.");
                return 1;
            }

            await source.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                // One read transaction: every table is read as of one moment, so an admin's tokens match the admin even
                // if the portal is still writing. Deferred, so it takes no write lock and holds up none of the portal's.
                await using var snapshot = ((SqliteConnection)source.Database.GetDbConnection()).BeginTransaction(deferred: true);
                await source.Database.UseTransactionAsync(snapshot, cancellationToken);
                foreach (var table in Tables)
                {
                    counts.Add((TableName(db, table.Entity), await table.CopyAsync(source, db, cancellationToken)));
                }

                await ResetIdentitySequencesAsync(db, cancellationToken);
                keys = await CopyKeysAsync(scope.ServiceProvider, db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or NpgsqlException)
            {
                error.WriteLine($"The copy failed and was rolled back; the {targetName} holds none of it. {ex.GetBaseException().Message}");
                return 1;
            }
            finally
            {
                await source.Database.CloseConnectionAsync();
            }
        }

        output.WriteLine($"Copied {sourceFile} to the {targetName}, in one transaction:");
        foreach (var (table, rows) in counts.Append(("Total", counts.Sum(c => c.Rows))))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-24}{rows,10}"));
        }

        output.WriteLine(keys.Describe());
        output.WriteLine("Not copied: the catalogue (topics, articles, search index), which the portal imports from content/ when it starts on PostgreSQL.");
        return 0;
    }

    /// <summary>
    /// Locks the copied tables against writes until the transaction ends, so that emptiness found here still holds at
    /// the commit (a second copy started at the same moment waits, then finds the rows and refuses); returns the
    /// tables that hold rows.
    /// </summary>
    private static async Task<List<string>> LockAndFindOccupiedTablesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var lockTables = "LOCK TABLE " + string.Join(", ", Tables.Select(t => Quote(TableName(db, t.Entity)))) + " IN EXCLUSIVE MODE";
        await db.Database.ExecuteSqlRawAsync(lockTables, cancellationToken);
        List<string> occupied = [];
        foreach (var table in Tables)
        {
            if (await table.HasRowsAsync(db, cancellationToken))
            {
                occupied.Add(TableName(db, table.Entity));
            }
        }

        return occupied;
    }

    private static async Task<long> CopyRowsAsync<T>(PortalDbContext source, PortalDbContext target, CancellationToken cancellationToken)
        where T : class
    {
        var rows = 0L;
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            target.Set<T>().Add(row);
            if (++rows % BatchSize == 0)
            {
                await SaveBatchAsync(target, cancellationToken);
            }
        }

        await SaveBatchAsync(target, cancellationToken);
        return rows;
    }

    private static async Task SaveBatchAsync(PortalDbContext target, CancellationToken cancellationToken)
    {
        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
    }

    /// <summary>
    /// The rows kept their ids, which PostgreSQL's identity columns did not hand out: each sequence still stands at 1,
    /// and the next vote would collide with the first one copied. Each moves past its table's highest id.
    /// </summary>
    private static async Task ResetIdentitySequencesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        foreach (var type in CopiedEntities)
        {
            var entity = db.Model.FindEntityType(type)!;
            if (entity.FindPrimaryKey()!.Properties is not [var key]
                || NpgsqlPropertyExtensions.GetValueGenerationStrategy(key) is not (NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn))
            {
                continue; // a natural key, or a GUID the portal makes (survey answers)
            }

            var (table, column) = (Quote(entity.GetTableName()!), Quote(key.GetColumnName()));
            var sql = $"SELECT setval(pg_get_serial_sequence('{table}', '{key.GetColumnName()}'), COALESCE(MAX({column}), 0) + 1, false) FROM {table}";
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    /// <summary>
    /// The data-protection keys: files in the keys folder on SQLite, rows of DataProtectionKeys on PostgreSQL, where
    /// every instance shares them. With them along, an admin signed in before the switch stays signed in and a form
    /// served before it is still accepted. A key already in the target (an instance started on it) stays: the ring
    /// holds both.
    /// </summary>
    private static async Task<CopiedKeys> CopyKeysAsync(IServiceProvider services, PortalDbContext target, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository is not FileSystemXmlRepository { Directory: var folder })
        {
            return new CopiedKeys(0, 0, null);
        }

        var present = (await target.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var copied = 0;
        var files = folder.Exists ? folder.GetFiles("*.xml") : [];
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            // Stored as the database repository stores a key: the name the file repository gave it, the XML on one line.
            var name = Path.GetFileNameWithoutExtension(file.Name);
            if (present.Add(name))
            {
                target.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = XElement.Load(file.FullName).ToString(SaveOptions.DisableFormatting) });
                copied++;
            }
        }

        await target.SaveChangesAsync(cancellationToken);
        return new CopiedKeys(copied, files.Length, folder.FullName);
    }

    private static string TableName(PortalDbContext db, Type entity) => db.Model.FindEntityType(entity)!.GetTableName()!;

    /// <summary>Quotes a table or column name of the model: the only text this command puts into SQL itself.</summary>
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static CopiedTable Table<T>()
        where T : class
        => new(typeof(T), (db, cancellationToken) => db.Set<T>().AnyAsync(cancellationToken), CopyRowsAsync<T>);

    private sealed record CopiedTable(
        Type Entity,
        Func<PortalDbContext, CancellationToken, Task<bool>> HasRowsAsync,
        Func<PortalDbContext, PortalDbContext, CancellationToken, Task<long>> CopyAsync);

    private sealed record CopiedKeys(int Copied, int Found, string? Folder)
    {
        public string Describe() => (Copied, Found, Folder) switch
        {
            (_, _, null) => "Data-protection keys: not kept in a folder here, so none were copied. Admins sign in again after the switch, and forms served before it are refused once.",
            (_, 0, _) => $"Data-protection keys: none in {Folder}, so none were copied. Admins sign in again after the switch, and forms served before it are refused once.",
            _ when Copied < Found => $"Data-protection keys: {Copied} of the {Found} in {Folder} copied to DataProtectionKeys (the target held the others already), so admins stay signed in and open forms stay valid across the switch.",
            _ => $"Data-protection keys: {Copied} from {Folder} copied to DataProtectionKeys, so admins stay signed in and open forms stay valid across the switch.",
        };
    }
}
