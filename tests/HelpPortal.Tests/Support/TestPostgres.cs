using Npgsql;

namespace HelpPortal.Tests.Support;

/// <summary>Which database a portal under test runs on.</summary>
public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>Marks a test class whose portal runs on PostgreSQL: skipped, with the reason, where none is configured.</summary>
public interface IRunsOnPostgres;

/// <summary>
/// The PostgreSQL server the tests use, from <see cref="Variable"/>: a connection string of a role that may create
/// databases. Every portal under test gets its own database, created empty and dropped afterwards. <c>.ci/run</c> starts
/// the server and sets the variable; without it the PostgreSQL tests are skipped locally and fail in CI.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "HELPPORTAL_TEST_POSTGRES";

    private static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why a PostgreSQL test cannot run here, or null when it can (or must: in CI nothing is skipped).</summary>
    public static string? SkipReason
        => ServerConnectionString is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"No PostgreSQL configured: set {Variable} to the connection string of a role that may create databases (bash .ci/run starts PostgreSQL 15 and sets it)."
            : null;

    /// <summary>
    /// Creates an empty database and returns its connection string. With an ICU <paramref name="locale"/> (e.g.
    /// "lv-LV") the database sorts text by that language's rules, as a server set up with it would, rather than by
    /// the test server's default.
    /// </summary>
    public static string CreateDatabase(out string name, string? locale = null)
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{Variable} is not set: the PostgreSQL tests need a server (CI=true never skips them).");
        name = "hp_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            var collation = locale is null ? "" : $" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE '{locale}'";
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{collation}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);

        // FORCE may terminate only sessions of roles the test role belongs to. An autovacuum worker, which PostgreSQL
        // starts on a fresh database after the import's writes, belongs to none, so FORCE is refused while one runs; it
        // is done within moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
