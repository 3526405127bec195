namespace HelpPortal.Web.Content;

public enum TranslationState
{
    Present,
    Missing,
    Stale,
}

/// <summary>Whether one language's version of an article is there and as fresh as the other's.</summary>
public static class Translations
{
    public static TranslationState State(bool exists, DateOnly? updated, DateOnly? otherUpdated)
        => !exists ? TranslationState.Missing
            : updated is { } mine && otherUpdated is { } theirs && mine < theirs ? TranslationState.Stale
            : TranslationState.Present;
}
