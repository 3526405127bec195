using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace HelpPortal.Web.Data;

/// <summary>
/// The rows of an EF Core query, read a column at a time by the column's name, with no entity or other object per row:
/// for exports of any length. EF Core still writes the SQL (the filters, the order, the parameters' value conversions);
/// the caller reads the stored values (a <see cref="DateTimeOffset"/> is its UTC ticks) as it writes them out.
/// <para>
/// PostgreSQL's rows come from the provider's data reader. SQLite's come from the prepared statement itself, through
/// SQLitePCLRaw as Microsoft.Data.Sqlite uses it: text is read as the UTF-8 bytes SQLite holds, with no string per
/// value (and usually written to the CSV as those bytes), and each value costs two native calls where the data
/// reader's checks and conversions take four or five. The survey export misses its target without it: measured on
/// 2026-12-08 through the data reader alone it took 2.8–3.0× the time of <c>sqlite3</c>, against 1.46× with it and a
/// target of 2.0× (docs/performance.md, "Speed mechanisms").
/// </para>
/// </summary>
public abstract class QueryRows : IAsyncDisposable
{
    private readonly PortalDbContext _db;

    private protected QueryRows(PortalDbContext db) => _db = db;

    /// <summary>Runs <paramref name="query"/> on <paramref name="db"/>'s connection, which stays open until disposal.</summary>
    public static async Task<QueryRows> OpenAsync(PortalDbContext db, IQueryable query, CancellationToken cancellationToken)
    {
        var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return db.Database.GetDbConnection() is SqliteConnection sqlite
                ? new SqliteRows(db, sqlite, command)
                : new ReaderRows(db, await command.ExecuteReaderAsync(cancellationToken));
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>The position of a column of the result, by its name.</summary>
    public abstract int Ordinal(string column);

    /// <summary>Moves to the next row; false after the last.</summary>
    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    public abstract Guid GetGuid(int ordinal);

    public abstract long GetInt64(int ordinal);

    public abstract int GetInt32(int ordinal);

    /// <summary>A text column's value as UTF-8, empty for NULL; valid until the next call.</summary>
    public abstract ReadOnlySpan<byte> GetUtf8Text(int ordinal);

    public virtual async ValueTask DisposeAsync()
    {
        await _db.Database.CloseConnectionAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class ReaderRows(PortalDbContext db, DbDataReader reader) : QueryRows(db)
    {
        private byte[] _utf8 = new byte[256];

        public override int Ordinal(string column) => reader.GetOrdinal(column);

        public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => await reader.ReadAsync(cancellationToken);

        public override Guid GetGuid(int ordinal) => reader.GetGuid(ordinal);

        public override long GetInt64(int ordinal) => reader.GetInt64(ordinal);

        public override int GetInt32(int ordinal) => reader.GetInt32(ordinal);

        public override ReadOnlySpan<byte> GetUtf8Text(int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                return default;
            }

            var text = reader.GetString(ordinal);
            var length = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_utf8.Length < length)
            {
                _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
            }

            return _utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(text, _utf8));
        }

        public override async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    private sealed class SqliteRows : QueryRows
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _statement;
        private readonly Dictionary<string, int> _ordinals = new(StringComparer.OrdinalIgnoreCase);

        public SqliteRows(PortalDbContext db, SqliteConnection connection, DbCommand command)
            : base(db)
        {
            _connection = connection;
            Check(raw.sqlite3_prepare_v2(connection.Handle, command.CommandText, out _statement));
            try
            {
                Bind(command.Parameters);
                for (var i = 0; i < raw.sqlite3_column_count(_statement); i++)
                {
                    _ordinals.TryAdd(raw.sqlite3_column_name(_statement, i).utf8_to_string(), i);
                }
            }
            catch
            {
                _statement.Dispose();
                throw;
            }
        }

        public override int Ordinal(string column)
            => _ordinals.TryGetValue(column, out var ordinal) ? ordinal : throw new InvalidOperationException($"The query has no column {column}.");

        public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = raw.sqlite3_step(_statement);
            if (result is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
            {
                Check(result);
            }

            return ValueTask.FromResult(result == raw.SQLITE_ROW);
        }

        // EF Core stores a Guid as its text ("D", upper case) on SQLite.
        public override Guid GetGuid(int ordinal) => Guid.Parse(raw.sqlite3_column_blob(_statement, ordinal));

        public override long GetInt64(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal);

        public override int GetInt32(int ordinal) => checked((int)raw.sqlite3_column_int64(_statement, ordinal));

        // A text's bytes as SQLite holds them (empty for NULL), valid until the next step.
        public override ReadOnlySpan<byte> GetUtf8Text(int ordinal) => raw.sqlite3_column_blob(_statement, ordinal);

        public override async ValueTask DisposeAsync()
        {
            _statement.Dispose();
            await base.DisposeAsync();
        }

        /// <summary>Binds EF Core's parameters by name, as Microsoft.Data.Sqlite would (the name with or without its prefix).</summary>
        private void Bind(DbParameterCollection parameters)
        {
            for (var index = 1; index <= raw.sqlite3_bind_parameter_count(_statement); index++)
            {
                var name = raw.sqlite3_bind_parameter_name(_statement, index).utf8_to_string();
                var parameter = parameters.Cast<DbParameter>().FirstOrDefault(p => p.ParameterName == name || p.ParameterName == name[1..])
                    ?? throw new InvalidOperationException($"No value for the query's parameter {name}.");
                Check(parameter.Value switch
                {
                    null or DBNull => raw.sqlite3_bind_null(_statement, index),
                    string text => raw.sqlite3_bind_text(_statement, index, text),
                    long or int or short or byte or bool => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(parameter.Value, System.Globalization.CultureInfo.InvariantCulture)),
                    double or float => raw.sqlite3_bind_double(_statement, index, Convert.ToDouble(parameter.Value, System.Globalization.CultureInfo.InvariantCulture)),
                    byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
                    var other => throw new NotSupportedException($"Parameter {name} is a {other.GetType().Name}, which the SQLite rows do not bind."),
                });
            }
        }

        private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _connection.Handle);
    }
}
