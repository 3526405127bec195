
namespace HelpPortal.Tests.Admin.Accounts;

/// <summary>
/// The admin and survey commands, run in-process on a test portal's own database; once through the portal's real
/// executable, which reads the password from its redirected standard input.
/// </summary>
public abstract class AdminCommandTests(TestDatabase database) : IDisposable
{
    private const string GoodPassword = "a long and unusual passphrase";
    private readonly PortalFactory _factory = new() { Database = database };

    public sealed class OnSqlite() : AdminCommandTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : AdminCommandTests(TestDatabase.Postgres), IRunsOnPostgres;

    [DatabaseFact]
    public async Task Admin_create_reads_the_password_from_standard_input_and_list_shows_the_admin()
    {
        using var fresh = CommandLineDatabase.Fresh(database);
        var environment = new Dictionary<string, string>(fresh.Environment) { ["Content__Path"] = TestContent.RepositoryContentFolder };

        var created = await PortalProcess.RunAsync(environment, GoodPassword + "\n", "admin", "create", "--email", "ops@example.eu");
        var listed = await PortalProcess.RunAsync(environment, null, "admin", "list");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Admin ops@example.eu created.", created.Output, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("ops@example.eu\tnot enrolled\tactive", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GoodPassword, created.Output + created.Error + listed.Output, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [InlineData("short pass\n", "Passwords must be at least 12 characters.")]
    [InlineData("password1234\n", "too common")]
    [InlineData("123456789012\n", "too common")]
    [InlineData("aaaaaaaaaaaaaaaa\n", "too common")]
    [InlineData("ops@example.eu is me\n", "contains your email address")]
    [InlineData("", "Passwords must be at least 12 characters.")]
    public async Task Admin_create_refuses_a_weak_password_with_a_clear_error(string input, string message)
    {
        var result = await RunAsync(input, "admin", "create", "--email", "ops@example.eu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("0 admin(s).", (await RunAsync(null, "admin", "list")).Output, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Admin_create_refuses_a_password_over_128_characters()
    {
        var result = await RunAsync(new string('x', 60) + new string('y', 69) + "\n", "admin", "create", "--email", "ops@example.eu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at most 128 characters", result.Error, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [InlineData(new[] { "admin", "create" }, "Option '--email' is required.")]
    [InlineData(new[] { "admin", "create", "--email" }, "Required argument missing for option: '--email'.")]
    [InlineData(new[] { "admin", "create", "--email", "not-an-email" }, "is invalid")]
    [InlineData(new[] { "admin", "create", "--email", "ops@example.eu", "--role", "root" }, "Unrecognized command or argument '--role'.")]
    [InlineData(new[] { "admin", "disable", "--email", "nobody@example.eu" }, "There is no admin with the email address nobody@example.eu.")]
    [InlineData(new[] { "survey", "purge", "--older-than", "soon" }, "--older-than must be a whole number of days")]
    [InlineData(new[] { "survey", "purge", "--older-than", "0" }, "--older-than must be a whole number of days")]
    [InlineData(new[] { "survey", "export" }, "Option '--out' is required.")]
    [InlineData(new[] { "survey", "export", "--out", "x.csv", "--from", "27.11.2026" }, "'from' must be a date written as YYYY-MM-DD")]
    [InlineData(new[] { "survey", "export", "--out", "x.csv", "--culture", "de" }, "'culture' must be en or lv")]
    [InlineData(new[] { "survey", "export", "--out", "x.csv", "--delimiter", "tab" }, "'delimiter' must be comma or semicolon")]
    public async Task A_command_with_bad_arguments_explains_the_problem_and_fails(string[] args, string message)
    {
        var result = await RunAsync(GoodPassword + "\n", args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Admin_create_refuses_an_email_that_is_taken()
    {
        await RunAsync(GoodPassword + "\n", "admin", "create", "--email", "ops@example.eu");

        var again = await RunAsync(GoodPassword + "\n", "admin", "create", "--email", "ops@example.eu");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Reset_password_and_disable_change_the_account()
    {
        await RunAsync(GoodPassword + "\n", "admin", "create", "--email", "ops@example.eu");

        var reset = await RunAsync("another long passphrase\n", "admin", "reset-password", "--email", "ops@example.eu");
        var weakReset = await RunAsync("password1234\n", "admin", "reset-password", "--email", "ops@example.eu");
        var disabled = await RunAsync(null, "admin", "disable", "--email", "ops@example.eu");
        var listed = await RunAsync(null, "admin", "list");

        Assert.Equal(0, reset.ExitCode);
        Assert.Equal(1, weakReset.ExitCode);
        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains("ops@example.eu\tnot enrolled\tdisabled", listed.Output, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task An_unknown_command_exits_with_usage()
    {
        var result = await RunAsync(null, "admin", "delete");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command 'admin delete'.", result.Error, StringComparison.Ordinal);
        Assert.Contains("HelpPortal.Web admin [command] [options]", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string? input, params string[] args) => _factory.RunCommandAsync(input, args);
}
