using HelpPortal.Web.Survey;

namespace HelpPortal.Tests.Support;

/// <summary>Survey responses written straight into a test portal's database, for the reports and exports to read.</summary>
public static class StoredResponses
{
    public static SurveyResponse Make(
        DateTimeOffset at, int q1 = 4, string q2 = "yes", string culture = "en", string? article = "forgotten-password",
        int seconds = 120, string? q4 = "eid", string? q5 = null) => new()
    {
        Id = Guid.CreateVersion7(at),
        SubmittedAt = at,
        Culture = culture,
        SourceArticle = article,
        QuestionSet = SurveyQuestions.Version,
        Satisfaction = q1,
        FoundAnswer = q2,
        Ease = 4,
        Topic = q4,
        Comment = q5,
        CompletionSeconds = seconds,
    };

    public static Task<int> SeedAsync(this PortalFactory factory, params SurveyResponse[] responses) => factory.WithDbAsync(async db =>
    {
        db.SurveyResponses.AddRange(responses);
        return await db.SaveChangesAsync();
    });
}
