using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HelpPortal.Web.Localization;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Lv;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace HelpPortal.Web.Search;

/// <summary>
/// Turns text into search terms the same way for articles (at import) and for queries: words, lower case, stop
/// words dropped, stemmed (Porter for English, Lucene's Latvian stemmer for Latvian), diacritics folded. A Latvian word
/// is stemmed both as written and without its diacritics, so "ātri" and "atri", "paroles" and "parole" meet.
/// </summary>
public static partial class SearchAnalyzer
{
    /// <summary>Part of the content hash: bump it when analysis changes, and the next import re-indexes everything.</summary>
    public const string Version = "1";

    public const int MaxQueryLength = 200;

    /// <summary>The search terms of one word of the text: usually one, two when the word's diacritics matter to the stemmer.</summary>
    public sealed record Word(string Text, int Index, int Length, IReadOnlyList<string> Terms);

    public static IEnumerable<Word> Words(string culture, string text)
    {
        foreach (Match match in WordPattern().Matches(text))
        {
            var terms = Terms(culture, match.Value);
            if (terms.Count > 0)
            {
                yield return new Word(match.Value, match.Index, match.Length, terms);
            }
        }
    }

    /// <summary>The text as the index stores it: every word's terms, space-separated.</summary>
    public static string IndexText(string culture, string text)
        => string.Join(' ', Words(culture, text).SelectMany(w => w.Terms));

    public static IReadOnlyList<string> Terms(string culture, string word)
    {
        var lower = word.ToLowerInvariant();
        var folded = Fold(lower);
        var stopWords = culture == PortalCultures.Latvian ? LatvianStopWords : EnglishStopWords;
        if (stopWords.Contains(lower) || stopWords.Contains(folded))
        {
            return [];
        }

        var first = Fold(Stem(culture, lower));
        var second = Fold(Stem(culture, folded));
        return first == second ? [first] : [first, second];
    }

    /// <summary>Lower case without diacritics: "Ātri" → "atri". Used for terms and for counting search misses.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Stem(string culture, string word)
    {
        if (culture == PortalCultures.Latvian)
        {
            var chars = word.ToCharArray();
            var length = new LatvianStemmer().Stem(chars, chars.Length);
            return new string(chars, 0, length);
        }

        // Snowball's implementation of the Porter algorithm, the one Lucene's PorterStemFilter follows.
        var porter = new PorterStemmer();
        porter.SetCurrent(word);
        return porter.Stem() ? porter.Current : word;
    }

    private static readonly CharArraySet LatvianStopWords = LatvianAnalyzer.DefaultStopSet;
    private static readonly CharArraySet EnglishStopWords = EnglishAnalyzer.DefaultStopSet;

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
