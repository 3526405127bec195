using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Web.Feedback;

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
