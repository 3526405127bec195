using HelpPortal.Web.Feedback;
using HelpPortal.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Web.Data;

internal sealed class SearchMissConfiguration : IEntityTypeConfiguration<SearchMiss>
{
    public void Configure(EntityTypeBuilder<SearchMiss> builder)
    {
        builder.Property(m => m.Culture).HasMaxLength(5);
        builder.Property(m => m.Query).HasMaxLength(SearchAnalyzer.MaxQueryLength);
        builder.HasIndex(m => new { m.Culture, m.Day, m.Query }).IsUnique();

        // The daily cap counts one day's rows, the report reads a range of days, the purge deletes the oldest days.
        builder.HasIndex(m => m.Day);
    }
}

internal sealed class ArticleVoteConfiguration : IEntityTypeConfiguration<ArticleVote>
{
    public void Configure(EntityTypeBuilder<ArticleVote> builder)
    {
        builder.Property(v => v.ArticleKey).HasMaxLength(100);
        builder.Property(v => v.Culture).HasMaxLength(5);
        builder.Property(v => v.VoterHash).HasMaxLength(64);
        builder.Property(v => v.Reason).HasMaxLength(20);
        builder.HasIndex(v => new { v.ArticleKey, v.VoterHash }).IsUnique();
    }
}
