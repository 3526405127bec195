using HelpPortal.Web.Admin.Accounts;
using HelpPortal.Web.Feedback;
using HelpPortal.Web.Search;
using HelpPortal.Web.Survey;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Data;

/// <summary>
/// The portal's one database: the catalogue, the survey answers and the admin accounts (Identity). The model is the
/// same on every provider; each provider has its own subclass only so that it can keep its own migrations
/// (<see cref="SqlitePortalDbContext"/>, <see cref="PostgresPortalDbContext"/>). Everything else asks for this type.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<AdminUser>(options), IDataProtectionKeyContext
{
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<TopicTranslation> TopicTranslations => Set<TopicTranslation>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleTranslation> ArticleTranslations => Set<ArticleTranslation>();
    public DbSet<ContentPage> ContentPages => Set<ContentPage>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<ContentImport> ContentImports => Set<ContentImport>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SearchMiss> SearchMisses => Set<SearchMiss>();
    public DbSet<ArticleVote> ArticleVotes => Set<ArticleVote>();
    public DbSet<UsedAuthenticatorCode> UsedAuthenticatorCodes => Set<UsedAuthenticatorCode>();

    /// <summary>The data-protection key ring, shared by every instance when the portal runs on PostgreSQL.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset values; store them as UTC ticks so reports can filter by date in
        // SQL. PostgreSQL keeps the same representation, so both providers filter, order and export identically.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

/// <summary>The default, embedded database; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>
/// PostgreSQL, for several instances behind a load balancer; its migrations are in Data/Migrations/Postgres. Search
/// keeps its terms in a tsvector table here, where SQLite has an FTS5 table.
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Not an IEntityTypeConfiguration of its own: the SQLite model must not pick it up from the assembly.
        builder.Entity<SearchDocument>(document =>
        {
            document.ToTable("SearchDocuments");
            document.Property(d => d.Id).ValueGeneratedNever();
            document.Property(d => d.Culture).HasMaxLength(5);
            document.HasIndex(d => d.Terms).HasMethod("GIN");
        });

        // A written answer may have 1,000 characters as people count them (SurveyQuestions.MaxTextLength), and one of
        // them can be several code points, which is what varchar(n) counts: "a" and a combining macron are one letter
        // but two code points. A varchar(1000) refused answers the form had accepted (SQLite never enforces a length),
        // so the column is text; the survey's request body limit bounds it.
        builder.Entity<SurveyResponse>().Property(r => r.Comment).Metadata.SetMaxLength(null);
    }
}
