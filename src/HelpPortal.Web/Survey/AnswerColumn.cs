using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Web.Survey;

/// <summary>
/// Where a question's answer is stored on <see cref="SurveyResponse"/>, read and written as the text the form posts
/// and the CSV shows. It lets the form, the submission, the reports and the export follow <see cref="SurveyQuestions"/>
/// instead of naming each question; a new question is a new entry there, a property here and a migration.
/// </summary>
public abstract class AnswerColumn
{
    private protected AnswerColumn(LambdaExpression property)
    {
        Property = (property.Body as MemberExpression)?.Member as PropertyInfo
            ?? throw new ArgumentException("An answer column is a property of SurveyResponse, e.g. r => r.Satisfaction.", nameof(property));
    }

    /// <summary>The entity property; its table column is named after the question's code.</summary>
    public PropertyInfo Property { get; }

    public static AnswerColumn Number(Expression<Func<SurveyResponse, int>> property) => new NumberColumn(property);

    public static AnswerColumn Text(Expression<Func<SurveyResponse, string?>> property) => new TextColumn(property);

    /// <summary>The stored answer as text, or null when the question was not answered.</summary>
    public abstract string? Read(SurveyResponse response);

    /// <summary>Stores an answer that <see cref="SurveySubmission"/> has already checked.</summary>
    public abstract void Write(SurveyResponse response, string? answer);

    /// <summary>How many responses gave each answer, counted by the database; unanswered ones are left out.</summary>
    public abstract Task<Dictionary<string, int>> CountAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken);

    /// <summary>How many responses answered at all.</summary>
    public abstract Task<int> CountAnsweredAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken);

    private sealed class NumberColumn(Expression<Func<SurveyResponse, int>> property) : AnswerColumn(property)
    {
        private readonly Func<SurveyResponse, int> _read = property.Compile();

        public override string? Read(SurveyResponse response) => _read(response).ToString(CultureInfo.InvariantCulture);

        public override void Write(SurveyResponse response, string? answer)
            => Property.SetValue(response, answer is null ? 0 : int.Parse(answer, NumberStyles.None, CultureInfo.InvariantCulture));

        public override async Task<Dictionary<string, int>> CountAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken)
            => (await responses.GroupBy(property).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                .ToDictionary(c => c.Key.ToString(CultureInfo.InvariantCulture), c => c.Count);

        public override Task<int> CountAnsweredAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken)
            => responses.CountAsync(cancellationToken);
    }

    private sealed class TextColumn(Expression<Func<SurveyResponse, string?>> property) : AnswerColumn(property)
    {
        private readonly Func<SurveyResponse, string?> _read = property.Compile();

        private readonly Expression<Func<SurveyResponse, bool>> _answered = Expression.Lambda<Func<SurveyResponse, bool>>(
            Expression.AndAlso(
                Expression.NotEqual(property.Body, Expression.Constant(null, typeof(string))),
                Expression.NotEqual(property.Body, Expression.Constant(string.Empty))),
            property.Parameters);

        public override string? Read(SurveyResponse response) => _read(response);

        public override void Write(SurveyResponse response, string? answer) => Property.SetValue(response, answer);

        public override async Task<Dictionary<string, int>> CountAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken)
            => (await responses.Where(_answered).GroupBy(property).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                .ToDictionary(c => c.Key!, c => c.Count, StringComparer.Ordinal);

        public override Task<int> CountAnsweredAsync(IQueryable<SurveyResponse> responses, CancellationToken cancellationToken)
            => responses.CountAsync(_answered, cancellationToken);
    }
}
