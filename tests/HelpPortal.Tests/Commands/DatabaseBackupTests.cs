using Microsoft.Data.Sqlite;

namespace HelpPortal.Tests.Commands;

public sealed class DatabaseBackupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_backup_is_a_whole_copy_of_the_database_with_every_answer()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        await factory.SeedAsync(StoredResponses.Make(at), StoredResponses.Make(at.AddHours(1)), StoredResponses.Make(at.AddHours(2)));
        var target = Path.Combine(Path.GetTempPath(), $"helpportal-backup-{Guid.NewGuid():N}.db");

        try
        {
            var (exitCode, output, _) = await factory.RunCommandAsync(null, "database", "backup", "--out", target);

            Assert.Equal(0, exitCode);
            Assert.Contains("integrity ok", output, StringComparison.Ordinal);
            Assert.False(File.Exists(target + ".partial"));
            await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync();
            await using var count = copy.CreateCommand();
            count.CommandText = "SELECT count(*) FROM SurveyResponses";
            Assert.Equal(3L, await count.ExecuteScalarAsync());
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task A_backup_never_overwrites_an_existing_file()
    {
        var target = Path.Combine(Path.GetTempPath(), $"helpportal-backup-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(target, "keep me");

        try
        {
            var (exitCode, _, error) = await factory.RunCommandAsync(null, "database", "backup", "--out", target);

            Assert.Equal(1, exitCode);
            Assert.Contains("already exists", error, StringComparison.Ordinal);
            Assert.Equal("keep me", await File.ReadAllTextAsync(target));
        }
        finally
        {
            File.Delete(target);
        }
    }
}
