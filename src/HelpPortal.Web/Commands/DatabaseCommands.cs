using System.CommandLine;
using HelpPortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Commands;

/// <summary>
/// <c>database backup --out FILE</c>: a consistent copy of the SQLite database through SQLite's online backup API, safe
/// while the portal runs and writes (copying the file could catch a half-written page or miss the WAL).
/// <c>database copy --to-provider Postgres --to CONNECTION</c>: see <see cref="DatabaseCopy"/>.
/// </summary>
public static class DatabaseCommands
{
    public static Command Create(IServiceProvider services)
    {
        var target = new Option<FileInfo>("--out") { Description = "The backup file to write; it must not exist yet.", Required = true };
        var backup = new Command("backup", "Copy the SQLite database consistently, while the portal runs.") { target };
        backup.SetAction((parse, cancellationToken) => BackupAsync(services, parse.GetValue(target)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));

        var toProvider = new Option<string>("--to-provider") { Description = "The provider of the target database: Postgres, the only one for now.", HelpName = "Postgres", Required = true };
        var to = new Option<string>("--to") { Description = "The connection string of the target database, which must be empty.", HelpName = "CONNECTION", Required = true };
        var copy = new Command("copy", "Copy survey answers, votes, search misses and admin accounts from SQLite into an empty PostgreSQL database.") { toProvider, to };
        copy.Validators.Add(result =>
        {
            if (result.GetValue(toProvider) is { } provider && !string.Equals(provider, nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--to-provider must be Postgres (the only target for now), not '{provider}'.");
            }
        });
        copy.SetAction((parse, cancellationToken) => DatabaseCopy.CopyAsync(services, parse.GetValue(to)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));

        return new Command("database", "Backups of the portal's database, and moving it to PostgreSQL.") { backup, copy };
    }

    private static async Task<int> BackupAsync(IServiceProvider services, FileInfo target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (db.Database.GetDbConnection() is not SqliteConnection source)
        {
            error.WriteLine("database backup copies a SQLite database, but Database:Provider is Postgres here. Back PostgreSQL up with its own tools: "
                + "pg_dump --format=custom --file=FILE with the portal's connection details (see docs/operations.md).");
            return 1;
        }

        if (target.Exists)
        {
            error.WriteLine($"{target.FullName} already exists; a backup never overwrites a file.");
            return 1;
        }

        if (!File.Exists(source.DataSource))
        {
            error.WriteLine($"There is no database at {source.DataSource} (check ConnectionStrings:Portal).");
            return 1;
        }

        // Written under another name and renamed when complete and checked: a file with the target's name is always whole.
        Directory.CreateDirectory(target.DirectoryName!);
        var partial = target.FullName + ".partial";
        File.Delete(partial);
        await source.OpenAsync(cancellationToken);
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
            await using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            if (await check.ExecuteScalarAsync(cancellationToken) is not "ok")
            {
                error.WriteLine("The copy failed SQLite's integrity check; nothing was written.");
                File.Delete(partial);
                return 1;
            }
        }

        File.Move(partial, target.FullName);
        output.WriteLine($"Backed up {source.DataSource} to {target.FullName} ({new FileInfo(target.FullName).Length} bytes, integrity ok).");
        return 0;
    }
}
