using HelpPortal.Web.Commands;
using HelpPortal.Web.Content;
using HelpPortal.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace HelpPortal.Tests.Support;

/// <summary>
/// The portal on its own SQLite file in a temporary folder (or its own PostgreSQL database, or another portal's), in
/// the Production environment, reading either the repository's content folder or a <see cref="TestContent"/> copy.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "helpportal-data-" + Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    public PortalFactory() => Directory.CreateDirectory(_dataFolder);

    /// <summary>The database the portal runs on: its own SQLite file by default, or its own PostgreSQL database.</summary>
    public TestDatabase Database { get; init; }

    /// <summary>
    /// Another portal whose PostgreSQL database this one uses too, as a second instance behind a load balancer would:
    /// both must be on <see cref="TestDatabase.Postgres"/>. That portal is started first if it has not been; it alone
    /// created the database and drops it, so dispose this one before it.
    /// </summary>
    public PortalFactory? SharedDatabaseOf { get; init; }

    /// <summary>
    /// Runs the portal on this existing PostgreSQL database instead (whatever <see cref="Database"/> says): one the test
    /// made and filled, say with <c>database copy</c>. The test owns it; the factory neither creates nor drops it.
    /// </summary>
    public string? ExistingPostgresConnectionString { get; init; }

    /// <summary>The connection string the portal was given, once it has started.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>On PostgreSQL, the ICU locale its database sorts text by (e.g. "lv-LV"); the server's default if null.</summary>
    public string? PostgresLocale { get; init; }

    /// <summary>The content folder the portal reads; the repository's own by default.</summary>
    public string ContentFolder { get; init; } = TestContent.RepositoryContentFolder;

    public string DatabasePath => Path.Combine(_dataFolder, "helpportal.db");

    public string EnvironmentName { get; init; } = "Production";

    public bool WatchForChanges { get; init; }

    /// <summary>Extra configuration, as if from appsettings.json (e.g. "RateLimiting:Enabled" = "false").</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>Replaces the portal's clock, for tests that need time to pass.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Kestrel limits for tests on a real socket (e.g. a short grace period for slow uploads).</summary>
    public Action<KestrelServerOptions>? Kestrel { get; init; }

    /// <summary>Every log event the portal wrote, for tests that check what an operator would read.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>
    /// Starts the portal on Kestrel at a free loopback port, for tests that need real sockets: status lines, chunked
    /// bodies, stalled uploads, the client's address.
    /// </summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (Kestrel is not null)
        {
            builder.ConfigureKestrel(Kestrel);
        }

        // Outside Development the static files are expected in a publish folder; the tests run from the build output.
        // A build's manifest would be served as in development (every file "no-cache", edits picked up and compressed
        // again on the fly); the switch serves it as a published one is: as built, fingerprinted files cached for a year.
        builder.UseStaticWebAssets();
        builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
        if (SharedDatabaseOf is { } owner)
        {
            if (Database != TestDatabase.Postgres || owner.Database != TestDatabase.Postgres)
            {
                throw new InvalidOperationException("Only PostgreSQL databases are shared: a SQLite file serves one instance.");
            }

            _ = owner.Services;
            ConnectionString = owner.ConnectionString;
            builder.UseSetting("Database:Provider", "Postgres");
        }
        else if (ExistingPostgresConnectionString is not null)
        {
            ConnectionString = ExistingPostgresConnectionString;
            builder.UseSetting("Database:Provider", "Postgres");
        }
        else if (Database == TestDatabase.Postgres)
        {
            ConnectionString = TestPostgres.CreateDatabase(out var name, PostgresLocale);
            _postgresDatabase = name;
            builder.UseSetting("Database:Provider", "Postgres");
        }
        else
        {
            ConnectionString = $"Data Source={DatabasePath}";
        }

        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Content:Path", ContentFolder);
        builder.UseSetting("Content:WatchForChanges", WatchForChanges ? "true" : "false");
        builder.UseSetting("Content:WatchDebounce", "00:00:00.200");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_dataFolder, "keys"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddControllersWithViews().AddApplicationPart(typeof(PortalFactory).Assembly);
            services.AddSingleton<ILogEventSink>(Logs);

            if (Time is not null)
            {
                services.AddSingleton(Time);
            }
        });
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>An import; with <paramref name="skipUnchanged"/>, the one a start runs.</summary>
    public async Task<ImportReport> ImportAsync(bool skipUnchanged = false)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(skipUnchanged, CancellationToken.None);
    }

    public Task<int> CountTranslationsAsync() => WithDbAsync(db => db.ArticleTranslations.CountAsync());

    /// <summary>
    /// Runs a command line (<c>admin create …</c>) through the portal's own dispatcher, in this process, on this portal's
    /// database and content: what the executable does, without starting a process per call.
    /// </summary>
    public async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(string? standardInput, params string[] args)
    {
        using var input = new StringReader(standardInput ?? "");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PortalCommands.TryRunAsync(Services, args, input, output, error)
            ?? throw new ArgumentException("No command in the arguments: the portal would start serving.", nameof(args));
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A client that does not follow redirects, so tests can see them.</summary>
    public HttpClient CreatePlainClient(string baseAddress = "http://localhost")
        => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (_postgresDatabase is not null)
            {
                TestPostgres.DropDatabase(_postgresDatabase);
            }

            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up.
            }
        }
    }
}

/// <summary>A <see cref="PortalFactory"/> on its own PostgreSQL database, for class fixtures.</summary>
public sealed class PostgresPortalFactory : PortalFactory
{
    public PostgresPortalFactory() => Database = TestDatabase.Postgres;
}
