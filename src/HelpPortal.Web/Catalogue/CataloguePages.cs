using HelpPortal.Web.Localization;

namespace HelpPortal.Web.Catalogue;

public sealed record TopicCard(string Name, string Description, string Url, int QuestionCount);

/// <summary>A question in a list; <paramref name="Culture"/> differs from the page's when only another language has it.</summary>
public sealed record QuestionLink(string Title, string? Summary, string Url, string Culture, bool IsCurrent = false);

public sealed record Breadcrumb(string Name, string? Url);

/// <summary>A topic's questions as a list: the topic page shows their summaries, an article's sidebar only their titles.</summary>
public sealed record QuestionList(IReadOnlyList<QuestionLink> Questions, bool WithSummaries);

public sealed record HomePage : PortalPage
{
    public required IReadOnlyList<TopicCard> Topics { get; init; }

    /// <summary>The questions content authors put first (topics.yml's <c>popular:</c>), in their order.</summary>
    public required IReadOnlyList<QuestionLink> PopularQuestions { get; init; }

    public override bool HasOwnSearch => true;
}

public sealed record TopicPage : PortalPage
{
    public required string Name { get; init; }

    public required IReadOnlyList<QuestionLink> Questions { get; init; }

    public required IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; }
}

public sealed record ArticlePage : PortalPage
{
    /// <summary>The article's translation key: its votes and a survey started from its page are recorded under it.</summary>
    public required string ArticleKey { get; init; }

    /// <summary>The language the answer is written in; differs from <see cref="PortalPage.Culture"/> on a fallback page.</summary>
    public required string ContentCulture { get; init; }

    public bool IsFallback => ContentCulture != Culture;

    public string? Summary { get; init; }

    public required string Html { get; init; }

    public DateOnly? Updated { get; init; }

    public required IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; }

    public required IReadOnlyList<QuestionLink> TopicQuestions { get; init; }

    /// <summary>The questions the author linked under "Related questions" (front matter <c>related:</c>).</summary>
    public IReadOnlyList<QuestionLink> RelatedQuestions { get; init; } = [];
}
