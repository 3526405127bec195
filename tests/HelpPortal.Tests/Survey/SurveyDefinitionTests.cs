using System.Text;
using HelpPortal.Web.Infrastructure;
using HelpPortal.Web.SurveyReports;
using HelpPortal.Web.Survey;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Survey;

/// <summary>
/// The form, the validation, the storage, the report and the CSV all follow <see cref="SurveyQuestions.All"/>: none of
/// them names a question, so a question added there (with its property and a migration) appears everywhere.
/// </summary>
public sealed class SurveyDefinitionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Codes = [.. SurveyQuestions.All.Select(q => q.Code)];

    [Fact]
    public async Task The_form_asks_every_defined_question_in_order_and_nothing_else()
    {
        var (_, page) = await factory.CreatePlainClient().GetPageAsync("/en/survey");

        var answerFields = page.QuerySelectorAll("form#survey-form input:not([type=hidden]), form#survey-form select, form#survey-form textarea")
            .Select(e => e.GetAttribute("name")!)
            .Where(name => name != SurveySubmission.HoneypotField)
            .Distinct()
            .ToList();

        Assert.Equal(Codes, answerFields);
    }

    [Fact]
    public async Task An_empty_form_is_refused_once_for_each_required_question()
    {
        var form = await SurveyForm.OpenAsync(factory.CreatePlainClient());

        var page = await SurveyForm.ParseAsync(await form.PostAsync([]));

        var fieldsWithErrors = page.QuerySelectorAll(".field-error").Select(e => e.Id!.Replace("-error", "", StringComparison.Ordinal)).ToList();
        Assert.Equal(SurveyQuestions.All.Where(q => q.Required).Select(q => q.Code), fieldsWithErrors);
    }

    [Fact]
    public async Task Every_answer_is_stored_in_a_column_named_after_its_question()
    {
        var entity = await factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(SurveyResponse))!));

        var columns = SurveyQuestions.All.Select(q => entity.FindProperty(q.Column.Property.Name)!.GetColumnName());

        Assert.Equal(Codes.Select(c => c.ToUpperInvariant()), columns);
    }

    [Fact]
    public async Task The_report_summarises_every_defined_question()
    {
        var report = await factory.WithDbAsync(db => SurveyReport.BuildAsync(db, SurveyFilter.Parse(null, null, null, null, null, []), "en", ArticleSort.Satisfaction, 1, CancellationToken.None));

        Assert.Equal(Codes, report.Questions.Select(q => q.Question.Code));
    }

    [Fact]
    public async Task The_csv_has_a_column_per_defined_question_holding_its_answer()
    {
        var response = new SurveyResponse { Id = Guid.CreateVersion7(), SubmittedAt = DateTimeOffset.UnixEpoch, Culture = "en", QuestionSet = SurveyQuestions.Version };
        foreach (var question in SurveyQuestions.All)
        {
            question.Column.Write(response, question.Kind switch
            {
                QuestionKind.Text => "free text",
                QuestionKind.Topic => SurveyQuestions.OtherTopic,
                _ => question.Options[^1].Code,
            });
        }

        await factory.SeedAsync(response);

        // The class shares its database; the response's day (1970-01-01) is its own.
        using var output = new MemoryStream();
        var filter = SurveyFilter.Parse("1970-01-01", "1970-01-01", null, null, null, []);
        await factory.WithDbAsync(db => SurveyCsv.WriteAsync(db, filter, output, new CsvOptions(), CancellationToken.None));
        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n");
        var header = lines[0].Split(',');
        var cells = lines[1].Split(',');

        Assert.Equal(Codes, header.Where(Codes.Contains));
        Assert.All(SurveyQuestions.All, q => Assert.Equal(q.Column.Read(response), cells[Array.IndexOf(header, q.Code)]));
    }
}
