namespace HelpPortal.Web.Data;

// The catalogue is rebuilt from content/ by the importer; nothing here is edited by visitors.

public sealed class Topic
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public int SortOrder { get; set; }
    public List<TopicTranslation> Translations { get; } = [];
    public List<Article> Articles { get; } = [];
}

public sealed class TopicTranslation
{
    public int Id { get; set; }
    public int TopicId { get; set; }
    public Topic Topic { get; set; } = null!;
    public required string Culture { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
}

public sealed class Article
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public int TopicId { get; set; }
    public Topic Topic { get; set; } = null!;
    public int SortOrder { get; set; }

    /// <summary>Its place among the home page's popular questions (topics.yml's <c>popular:</c> lists), or null.</summary>
    public int? PopularRank { get; set; }

    public List<ArticleTranslation> Translations { get; } = [];
}

public sealed class ArticleTranslation
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public required string Culture { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }

    /// <summary>Sanitized HTML rendered once at import; views output it as is.</summary>
    public required string Html { get; set; }

    /// <summary>The answer as plain text (summary excluded), for search excerpts.</summary>
    public string PlainText { get; set; } = "";

    public DateOnly? UpdatedOn { get; set; }

    /// <summary>Path relative to the content folder, with forward slashes.</summary>
    public required string SourcePath { get; set; }

    /// <summary>Hash of the file and everything its rendering depends on; equal hash means nothing to write.</summary>
    public required string ContentHash { get; set; }

    /// <summary>
    /// The keys of the articles under "Related questions" (front matter <c>related:</c>), separated by spaces, in order.
    /// Resolved when the page is served, so a related article's new title or slug shows without re-importing this one.
    /// </summary>
    public string RelatedKeys { get; set; } = "";

    /// <summary>The editors' note (<c>review_note:</c>): listed by the coverage report, never shown to visitors.</summary>
    public string? ReviewNote { get; set; }
}

/// <summary>What a <see cref="SlugRedirect"/> leads to.</summary>
public enum RedirectKind
{
    Article = 0,
    Topic = 1,
}

/// <summary>
/// A former slug (front matter or topics.yml <c>redirect_from:</c>) in one language, answered with 301 to the article or
/// topic that now has <see cref="TargetKey"/>. Rebuilt from the content folder by every import.
/// </summary>
public sealed class SlugRedirect
{
    public int Id { get; set; }
    public RedirectKind Kind { get; set; }
    public required string Culture { get; set; }
    public required string Slug { get; set; }

    /// <summary>The article's or topic's key: its current slug is looked up when the redirect is served.</summary>
    public required string TargetKey { get; set; }
}

/// <summary>
/// A page of content/{culture}/pages/ in one language — the privacy notice, the cookie list, the accessibility
/// statement: imported like an article's translation, but in no topic, so no topic list, search, vote or survey sees it.
/// Its translations share <see cref="Key"/>.
/// </summary>
public sealed class ContentPage
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Culture { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }

    /// <summary>The footer lists the pages in this order.</summary>
    public int SortOrder { get; set; }

    /// <summary>Sanitized HTML rendered once at import, placeholders (<c>{{organisation.name}}</c>…) still in it.</summary>
    public required string Html { get; set; }

    public DateOnly? UpdatedOn { get; set; }

    /// <summary>Path relative to the content folder, with forward slashes.</summary>
    public required string SourcePath { get; set; }

    public required string ContentHash { get; set; }
}

/// <summary>One run of the content importer, kept for /healthz and operators.</summary>
public sealed class ContentImport
{
    /// <summary>Hex characters of a SHA-256: the length of <see cref="Fingerprint"/>.</summary>
    public const int FingerprintLength = 64;

    public int Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Removed { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }

    /// <summary>
    /// The content folder this run read and the build that read it (<c>Content/ContentFingerprint.cs</c>); a start
    /// whose folder and build give the same value has nothing to import. Null for runs before it was recorded.
    /// </summary>
    public string? Fingerprint { get; set; }
}
