namespace HelpPortal.Web.Infrastructure;

/// <summary>Numbered links to the pages of a long list (search results, survey comments), drawn by Views/Shared/_Pager.</summary>
/// <param name="Label">What the navigation is called for screen readers.</param>
/// <param name="Url">The address of a page, by its number from 1.</param>
public sealed record Pager(string Label, int Current, int Count, Func<int, string> Url);
