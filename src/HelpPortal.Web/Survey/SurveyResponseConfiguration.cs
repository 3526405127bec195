using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPortal.Web.Survey;

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        // The id is a version 7 GUID made by the portal, so a batch insert needs no round trip for keys.
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Culture).HasMaxLength(5);
        builder.Property(r => r.SourceArticle).HasMaxLength(100);
        builder.Property(r => r.QuestionSet).HasMaxLength(20);
        builder.Property(r => r.FoundAnswer).HasMaxLength(10);
        builder.Property(r => r.Topic).HasMaxLength(100);
        builder.Property(r => r.Comment).HasMaxLength(SurveyQuestions.MaxTextLength);

        // Each answer's column is named after its question's code (q1 → Q1): the codes are written only in SurveyQuestions.
        foreach (var question in SurveyQuestions.All)
        {
            builder.Property(question.Column.Property.Name).HasColumnName(question.Code.ToUpperInvariant());
        }

        // In the export's order (oldest first, the id between equal times), so neither database sorts a million rows to
        // export them; the reports' and the purge's date ranges use its first column.
        builder.HasIndex(r => new { r.SubmittedAt, r.Id });
        builder.HasIndex(r => r.SourceArticle);
    }
}
