using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelpPortal.Web.Data;

/// <summary>Applies the per-connection SQLite settings every connection of the portal needs.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // synchronous=FULL: an acknowledged write survives a power cut, not just a process crash.
    // busy_timeout: a writer waits for another writer instead of failing with "database is locked".
    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
