using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Web.Data;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(100);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasMany(t => t.Translations).WithOne(t => t.Topic).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Articles).WithOne(a => a.Topic).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicTranslationConfiguration : IEntityTypeConfiguration<TopicTranslation>
{
    public void Configure(EntityTypeBuilder<TopicTranslation> builder)
    {
        builder.Property(t => t.Culture).HasMaxLength(5);
        builder.Property(t => t.Slug).HasMaxLength(150);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.HasIndex(t => new { t.TopicId, t.Culture }).IsUnique();
        builder.HasIndex(t => new { t.Culture, t.Slug }).IsUnique();
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(100);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.HasIndex(a => new { a.TopicId, a.SortOrder });
        builder.HasMany(a => a.Translations).WithOne(t => t.Article).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleTranslationConfiguration : IEntityTypeConfiguration<ArticleTranslation>
{
    public void Configure(EntityTypeBuilder<ArticleTranslation> builder)
    {
        builder.Property(t => t.Culture).HasMaxLength(5);
        builder.Property(t => t.Slug).HasMaxLength(150);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.Summary).HasMaxLength(1000);
        builder.Property(t => t.SourcePath).HasMaxLength(400);
        builder.Property(t => t.ContentHash).HasMaxLength(64);
        builder.HasIndex(t => new { t.ArticleId, t.Culture }).IsUnique();
        builder.HasIndex(t => new { t.Culture, t.Slug }).IsUnique();
        builder.HasIndex(t => t.SourcePath).IsUnique();
        builder.Property(t => t.RelatedKeys).HasMaxLength(2000);
        builder.Property(t => t.ReviewNote).HasMaxLength(2000);
    }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.Property(r => r.Culture).HasMaxLength(5);
        builder.Property(r => r.Slug).HasMaxLength(150);
        builder.Property(r => r.TargetKey).HasMaxLength(100);
        builder.HasIndex(r => new { r.Kind, r.Culture, r.Slug }).IsUnique();
    }
}

internal sealed class ContentPageConfiguration : IEntityTypeConfiguration<ContentPage>
{
    public void Configure(EntityTypeBuilder<ContentPage> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(100);
        builder.Property(p => p.Culture).HasMaxLength(5);
        builder.Property(p => p.Slug).HasMaxLength(150);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Summary).HasMaxLength(1000);
        builder.Property(p => p.SourcePath).HasMaxLength(400);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
        builder.HasIndex(p => new { p.Key, p.Culture }).IsUnique();
        builder.HasIndex(p => new { p.Culture, p.Slug }).IsUnique();
        builder.HasIndex(p => p.SourcePath).IsUnique();
    }
}

internal sealed class ContentImportConfiguration : IEntityTypeConfiguration<ContentImport>
{
    public void Configure(EntityTypeBuilder<ContentImport> builder)
        => builder.Property(i => i.Fingerprint).HasMaxLength(ContentImport.FingerprintLength);
}
