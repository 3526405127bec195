namespace HelpPortal.Web.Feedback;

/// <summary>What the vote and reason forms post: the article, by its translation key, and the page's language.</summary>
public sealed record ArticleFeedback(string Culture, string ArticleKey);
