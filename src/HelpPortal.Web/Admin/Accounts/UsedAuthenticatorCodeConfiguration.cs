using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Web.Admin.Accounts;

internal sealed class UsedAuthenticatorCodeConfiguration : IEntityTypeConfiguration<UsedAuthenticatorCode>
{
    public void Configure(EntityTypeBuilder<UsedAuthenticatorCode> builder)
    {
        // The key is the rule: one row per admin and step, so of two requests with the same code only one insert succeeds.
        builder.HasKey(c => new { c.UserId, c.TimeStep });
        builder.HasOne<AdminUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
