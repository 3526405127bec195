using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Web.Search;

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
