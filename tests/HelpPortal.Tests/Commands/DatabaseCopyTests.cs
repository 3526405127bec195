using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Claims;
using HelpPortal.Tests.SurveyReports;
using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Commands;
using HelpPortal.Web.Data;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpPortal.Tests.Commands;

/// <summary>
/// <c>database copy</c> from a SQLite portal filled the way people fill it into a fresh PostgreSQL database, and a
/// portal started on the copy.
/// </summary>
public sealed class DatabaseCopyTests(DatabaseCopyTests.CopiedPortal copied) : IClassFixture<DatabaseCopyTests.CopiedPortal>, IRunsOnPostgres
{
    [DatabaseFact]
    public async Task Every_row_of_every_copied_table_arrives_column_by_column()
    {
        await copied.ReadyAsync();

        Assert.Equal(copied.SourceRows.Keys, copied.TargetRows.Keys);
        foreach (var (table, sourceRows) in copied.SourceRows)
        {
            var targetRows = copied.TargetRows[table];
            Assert.True(sourceRows.Count > 0, $"{table} had no rows to copy: the comparison would prove nothing.");
            Assert.True(sourceRows.Count == targetRows.Count, $"{table}: {sourceRows.Count} rows, {targetRows.Count} copied.");
            foreach (var (source, target) in sourceRows.Zip(targetRows))
            {
                foreach (var (column, value) in source)
                {
                    Assert.True(Equals(value, target[column]), $"{table} row {Key(source)}, column {column}: {Show(value)} arrived as {Show(target[column])}.");
                }
            }
        }
    }

    [DatabaseFact]
    public async Task The_copy_prints_each_tables_row_count_and_the_total()
    {
        await copied.ReadyAsync();
        var (exitCode, output, error) = copied.Copy;

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        foreach (var (table, rows) in copied.SourceRows)
        {
            Assert.Matches($"(?m)^  {table} +{rows.Count}$", output);
        }

        Assert.Matches($"(?m)^  Total +{copied.SourceRows.Values.Sum(r => r.Count)}$", output);
        Assert.Contains("Data-protection keys: 1 from ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminSession.Password, output, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task The_admin_signs_in_on_the_copy_with_password_and_authenticator_code()
    {
        await copied.ReadyAsync();
        var admin = copied.Admin.OnPortal(copied.Target);

        var password = await admin.SignInWithPasswordAsync();
        var code = await admin.PostFormAsync("/en/admin/login/code", [new("Code", copied.NextCode(admin))]);

        Assert.Equal("/en/admin/login/code", password.Headers.Location?.OriginalString);
        Assert.Equal("/en/admin", code.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/en/admin")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_recovery_code_from_before_the_copy_signs_in_on_the_copy()
    {
        await copied.ReadyAsync();
        var admin = copied.Admin.OnPortal(copied.Target);

        await admin.SignInWithPasswordAsync();
        var recovery = await admin.PostFormAsync("/en/admin/login/recovery", [new("Code", admin.RecoveryCodes[7])]);

        Assert.Equal("/en/admin", recovery.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/en/admin")).StatusCode);
    }

    [DatabaseFact]
    public async Task The_survey_export_of_the_copy_equals_the_original_byte_for_byte()
    {
        await copied.ReadyAsync();
        var admin = copied.Admin.OnPortal(copied.Target);
        await admin.SignInWithPasswordAsync();
        await admin.PostFormAsync("/en/admin/login/code", [new("Code", copied.NextCode(admin))]);

        var original = await copied.Admin.Client.GetByteArrayAsync("/en/admin/survey/export.csv?delimiter=semicolon&headers=localized&language=lv");
        var copy = await admin.Client.GetByteArrayAsync("/en/admin/survey/export.csv?delimiter=semicolon&headers=localized&language=lv");

        Assert.True(original.Length > 100_000, $"The original export is only {original.Length} bytes.");
        Assert.Equal(original, copy);
    }

    [DatabaseFact]
    public async Task What_the_original_protected_the_copy_can_read_because_the_keys_came_along()
    {
        await copied.ReadyAsync();
        var protectedThere = copied.Source.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("database copy").Protect("signed in before the switch");

        var readHere = copied.Target.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("database copy").Unprotect(protectedThere);

        Assert.Equal("signed in before the switch", readHere);
    }

    [DatabaseFact]
    public async Task New_rows_on_the_copy_get_fresh_ids_past_the_copied_ones()
    {
        await copied.ReadyAsync();
        var connectionString = TestPostgres.CreateDatabase(out var name);
        try
        {
            Assert.Equal(0, (await copied.Source.RunCommandAsync(null, "database", "copy", "--to-provider", "Postgres", "--to", connectionString)).ExitCode);
            using var target = new PortalFactory { ExistingPostgresConnectionString = connectionString, Time = copied.Time, Settings = { ["RateLimiting:Enabled"] = "false" } };
            var copiedIds = await copied.Source.WithDbAsync(async db => (
                Votes: await db.ArticleVotes.MaxAsync(v => v.Id),
                Misses: await db.SearchMisses.MaxAsync(m => m.Id),
                Claims: await db.UserClaims.MaxAsync(c => c.Id),
                Answers: await db.SurveyResponses.Select(r => r.Id).ToListAsync()));

            var form = await SurveyForm.OpenAsync(target.CreatePlainClient());
            copied.Time.Advance(TimeSpan.FromSeconds(80));
            var answered = await form.PostValidAsync();
            var voted = await target.CreatePlainClient().PostAsync("/lv/feedback", new FormUrlEncodedContent([new("article", "forgotten-password"), new("helpful", "yes")]));
            await target.CreateClient().GetAsync("/en/search?q=zzqy+qqzw");
            await using (var scope = target.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
                await users.AddClaimAsync((await users.FindByEmailAsync(copied.Admin.Email))!, new Claim("note", "added on the copy"));
            }

            Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
            Assert.Equal(HttpStatusCode.SeeOther, voted.StatusCode);
            var (vote, miss, claim, answer) = await target.WithDbAsync(async db => (
                await db.ArticleVotes.Where(v => v.ArticleKey == "forgotten-password" && v.Culture == "lv").MaxAsync(v => v.Id),
                await db.SearchMisses.Where(m => m.Query == "zzqy qqzw").Select(m => m.Id).SingleAsync(),
                await db.UserClaims.Where(c => c.ClaimValue == "added on the copy").Select(c => c.Id).SingleAsync(),
                await db.SurveyResponses.Where(r => !copiedIds.Answers.Contains(r.Id)).Select(r => r.Id).ToListAsync()));
            Assert.Equal(copiedIds.Votes + 1, vote);
            Assert.Equal(copiedIds.Misses + 1, miss);
            Assert.Equal(copiedIds.Claims + 1, claim);
            Assert.Single(answer);
        }
        finally
        {
            TestPostgres.DropDatabase(name);
        }
    }

    [DatabaseFact]
    public async Task A_target_that_already_holds_rows_is_refused_and_left_as_it_was()
    {
        await copied.ReadyAsync();
        var connectionString = TestPostgres.CreateDatabase(out var name);
        try
        {
            await using (var db = CopiedPortal.OpenPostgres(connectionString))
            {
                await db.MigratePortalDatabaseAsync(CancellationToken.None);
                db.SearchMisses.Add(new SearchMiss { Culture = "en", Day = new DateOnly(2026, 11, 1), Query = "already here", Count = 3 });
                await db.SaveChangesAsync();
            }

            var (exitCode, output, error) = await copied.Source.RunCommandAsync(null, "database", "copy", "--to-provider", "Postgres", "--to", connectionString);

            Assert.Equal(1, exitCode);
            Assert.Equal("", output);
            Assert.Contains("is not empty: SearchMisses already hold rows", error, StringComparison.Ordinal);
            Assert.Contains("nothing was written", error, StringComparison.Ordinal);
            var after = await CopiedPortal.ReadAsync(CopiedPortal.OpenPostgres(connectionString));
            Assert.Equal(["SearchMisses"], after.Where(t => t.Value.Count > 0).Select(t => t.Key));
            Assert.Equal("already here", Assert.Single(after["SearchMisses"])["Query"]);
            await using var keys = CopiedPortal.OpenPostgres(connectionString);
            Assert.False(await keys.DataProtectionKeys.AnyAsync());
        }
        finally
        {
            TestPostgres.DropDatabase(name);
        }
    }

    [DatabaseFact]
    public async Task A_row_postgresql_refuses_rolls_the_whole_copy_back()
    {
        // SQLite does not enforce a column's length, PostgreSQL does: a query over 200 characters in the last table
        // copied fails after every other table was written, inside the same transaction.
        using var source = new PortalFactory();
        await AdminSession.CreateAsync(source);
        await source.SeedAsync(StoredResponses.Make(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        await source.WithDbAsync(db =>
        {
            db.SearchMisses.Add(new SearchMiss { Culture = "en", Day = new DateOnly(2026, 11, 2), Query = new string('q', 250), Count = 1 });
            return db.SaveChangesAsync();
        });
        var connectionString = TestPostgres.CreateDatabase(out var name);
        try
        {
            var (exitCode, output, error) = await source.RunCommandAsync(null, "database", "copy", "--to-provider", "Postgres", "--to", connectionString);

            Assert.Equal(1, exitCode);
            Assert.Equal("", output);
            Assert.Contains("The copy failed and was rolled back", error, StringComparison.Ordinal);
            Assert.Contains("character varying(200)", error, StringComparison.Ordinal);
            Assert.All(await CopiedPortal.ReadAsync(CopiedPortal.OpenPostgres(connectionString)), table => Assert.Empty(table.Value));
            await using var keys = CopiedPortal.OpenPostgres(connectionString);
            Assert.False(await keys.DataProtectionKeys.AnyAsync());
        }
        finally
        {
            TestPostgres.DropDatabase(name);
        }
    }

    [Fact]
    public void Every_table_is_either_copied_or_derived_from_content()
    {
        // A new table needs a decision: copied by database copy, or rebuilt from content/ on the target. The keys are
        // not a table on SQLite: the copy takes them from the keys folder.
        string[] notCopied = ["Topics", "TopicTranslations", "Articles", "ArticleTranslations", "SlugRedirects", "ContentPages", "ContentImports", "DataProtectionKeys"];
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        var copiedTables = DatabaseCopy.CopiedEntities.Select(t => db.Model.FindEntityType(t)!.GetTableName()!);
        var undecided = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Except(copiedTables).Except(notCopied);

        Assert.Empty(undecided);
    }

    private static string Key(Dictionary<string, object?> row) => string.Join("/", row.Where(c => c.Key is "Id" or "UserId" or "Name").Select(c => Show(c.Value)));

    private static string Show(object? value) => value is null ? "null" : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    /// <summary>
    /// A SQLite portal filled through its own forms and commands (and a few thousand rows written directly), copied into
    /// a fresh PostgreSQL database, every copied row read back from both right after the copy, and a portal started on
    /// the copy. Made on first use, not with the class: without PostgreSQL the tests are skipped and nothing is made.
    /// </summary>
    public sealed class CopiedPortal : IDisposable
    {
        // The start of a 30-second authenticator step, near the real time (cookies and keys are dated by it).
        private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 * 30);
        private static readonly MethodInfo ReadTableMethod = typeof(CopiedPortal).GetMethod(nameof(ReadTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        private readonly Lazy<Task> _made;
        private string? _targetDatabase;

        public CopiedPortal()
        {
            Source = new PortalFactory { Time = Time, Settings = { ["RateLimiting:Enabled"] = "false" } };
            _made = new Lazy<Task>(MakeAsync);
        }

        public FakeTimeProvider Time { get; } = new(Start);

        public PortalFactory Source { get; }

        /// <summary>The portal on the copy.</summary>
        public PortalFactory Target { get; private set; } = null!;

        /// <summary>The enrolled admin, signed in on the source.</summary>
        public AdminSession Admin { get; private set; } = null!;

        public (int ExitCode, string Output, string Error) Copy { get; private set; }

        /// <summary>Table → its rows ordered by key, each row column → value, read right after the copy.</summary>
        public Dictionary<string, List<Dictionary<string, object?>>> SourceRows { get; private set; } = [];

        public Dictionary<string, List<Dictionary<string, object?>>> TargetRows { get; private set; } = [];

        public Task ReadyAsync() => _made.Value;

        /// <summary>
        /// The authenticator code of a step later than any accepted so far: the tests share the admin, and each code
        /// (and any code older than the last) is accepted once, on the copy as on the original.
        /// </summary>
        public string NextCode(AdminSession admin)
        {
            Time.Advance(TimeSpan.FromSeconds(30));
            return admin.CodeAt(Time.GetUtcNow());
        }

        public static PostgresPortalDbContext OpenPostgres(string connectionString)
            => new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options);

        /// <summary>Every row of every copied table, through the model: each mapped property is one column.</summary>
        public static async Task<Dictionary<string, List<Dictionary<string, object?>>>> ReadAsync(PortalDbContext db)
        {
            await using (db)
            {
                var tables = new Dictionary<string, List<Dictionary<string, object?>>>();
                foreach (var type in DatabaseCopy.CopiedEntities)
                {
                    var entity = db.Model.FindEntityType(type)!;
                    var key = entity.FindPrimaryKey()!.Properties;
                    var rows = await (Task<List<object>>)ReadTableMethod.MakeGenericMethod(type).Invoke(null, [db])!;
                    tables[entity.GetTableName()!] =
                    [
                        .. rows
                            .Select(row => entity.GetProperties().ToDictionary(p => p.GetColumnName(), p => p.PropertyInfo?.GetValue(row) ?? p.FieldInfo?.GetValue(row)))
                            .OrderBy(row => string.Join("\u0001", key.Select(k => Show(row[k.GetColumnName()]))), StringComparer.Ordinal),
                    ];
                }

                return tables;
            }
        }

        public void Dispose()
        {
            Target?.Dispose();
            Source.Dispose();
            if (_targetDatabase is not null)
            {
                TestPostgres.DropDatabase(_targetDatabase);
            }
        }

        private static async Task<List<object>> ReadTableAsync<T>(PortalDbContext db)
            where T : class
            => [.. await db.Set<T>().AsNoTracking().ToListAsync()];

        private async Task MakeAsync()
        {
            await FillAsync();
            var target = TestPostgres.CreateDatabase(out var name);
            _targetDatabase = name;

            Copy = await Source.RunCommandAsync(null, "database", "copy", "--to-provider", "Postgres", "--to", target);

            SourceRows = await Source.WithDbAsync(ReadAsync);
            TargetRows = await ReadAsync(OpenPostgres(target));
            Target = new PortalFactory { ExistingPostgresConnectionString = target, Time = Time, Settings = { ["RateLimiting:Enabled"] = "false" } };
        }

        /// <summary>Something in every copied table, with the awkward values: Latvian letters, nulls, a lockout for ever.</summary>
        private async Task FillAsync()
        {
            Admin = await AdminSession.SignedInAsync(Source);
            await AdminSession.CreateAsync(Source, "second@example.eu");
            await AdminSession.CreateAsync(Source, "gone@example.eu");
            Assert.Equal(0, (await Source.RunCommandAsync(null, "admin", "disable", "--email", "gone@example.eu")).ExitCode);

            // The portal itself adds no claims or external logins; these rows make sure those tables come along too.
            await using (var scope = Source.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
                var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
                var second = (await users.FindByEmailAsync("second@example.eu"))!;
                await users.AddClaimAsync(second, new Claim("department", "Ļaužu atbalsts"));
                await users.AddClaimAsync(second, new Claim("note", ""));
                await users.AddLoginAsync(second, new UserLoginInfo("Example", "subject-42", "Example sign-in"));
                await roles.AddClaimAsync((await roles.FindByNameAsync(AdminSetup.Role))!, new Claim("may", "export"));
            }

            foreach (var url in new[] { "/en/survey", "/lv/survey?from=forgotten-password" })
            {
                var form = await SurveyForm.OpenAsync(Source.CreatePlainClient(), url);
                Time.Advance(TimeSpan.FromSeconds(95));
                Assert.Equal(HttpStatusCode.SeeOther, (await form.PostValidAsync()).StatusCode);
            }

            await Source.SeedAsync([.. SurveyExportTests.RandomResponses(2500, seed: 2026)]);

            foreach (var (culture, helpful) in new[] { ("en", "yes"), ("lv", "no"), ("en", "no") })
            {
                var vote = await Source.CreatePlainClient().PostAsync($"/{culture}/feedback", new FormUrlEncodedContent([new("article", "forgotten-password"), new("helpful", helpful)]));
                Assert.Equal(HttpStatusCode.SeeOther, vote.StatusCode);
            }

            // More votes than one batch, with gaps in the ids: the sequence on the copy must pass the highest id, not the count.
            await Source.WithDbAsync(async db =>
            {
                db.ArticleVotes.AddRange(Enumerable.Range(0, 1500).Select(i => new ArticleVote
                {
                    ArticleKey = i % 2 == 0 ? "activate-eid" : "eqf",
                    Culture = i % 3 == 0 ? "lv" : "en",
                    VoterHash = Convert.ToHexStringLower(BitConverter.GetBytes((long)i)).PadLeft(64, '0'),
                    Helpful = i % 4 != 0,
                    Reason = i % 4 == 0 ? "outdated" : null,
                    VotedAt = Start.AddMinutes(-i),
                }));
                await db.SaveChangesAsync();
                return await db.ArticleVotes.Where(v => v.Id % 3 == 0).ExecuteDeleteAsync();
            });

            foreach (var query in new[] { "zzqx ābols", "ZZQX  Ābols", "qqzv" })
            {
                await Source.CreateClient().GetAsync("/lv/search?q=" + Uri.EscapeDataString(query));
            }

            await Source.WithDbAsync(async db =>
            {
                db.SearchMisses.AddRange(Enumerable.Range(1, 40).Select(i => new SearchMiss
                {
                    Culture = "en",
                    Day = new DateOnly(2026, 10, 1).AddDays(i % 20),
                    Query = "miss " + i.ToString(CultureInfo.InvariantCulture),
                    Count = i,
                }));
                return await db.SaveChangesAsync();
            });
        }
    }
}

/// <summary>The copy's arguments and its refusals that need no PostgreSQL server.</summary>
public sealed class DatabaseCopyArgumentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(new[] { "--to-provider", "Sqlite", "--to", "Host=127.0.0.1" }, "--to-provider must be Postgres (the only target for now), not 'Sqlite'.")]
    [InlineData(new[] { "--to-provider", "MySql", "--to", "Host=127.0.0.1" }, "--to-provider must be Postgres (the only target for now), not 'MySql'.")]
    [InlineData(new[] { "--to", "Host=127.0.0.1" }, "Option '--to-provider' is required.")]
    [InlineData(new[] { "--to-provider", "Postgres" }, "Option '--to' is required.")]
    [InlineData(new[] { "--to-provider", "Postgres", "--to", "not a connection string" }, "--to is not a PostgreSQL connection string")]
    [InlineData(new[] { "--to-provider", "postgres", "--to", "Host=127.0.0.1;Port=1;Database=moved;Username=portal;Password=s3cret-pw;Timeout=3" }, "Cannot open the PostgreSQL database \"moved\" on 127.0.0.1:1: ")]
    public async Task A_bad_provider_or_target_is_refused_with_a_clear_message_and_exit_code_1(string[] args, string message)
    {
        var (exitCode, output, error) = await factory.RunCommandAsync(null, ["database", "copy", .. args]);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error, StringComparison.Ordinal);
    }
}
