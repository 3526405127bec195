namespace HelpPortal.Web.Search;

/// <summary>Something wrong in a synonyms file, by line; the content folder's check turns it into a content problem.</summary>
public sealed record SynonymFinding(int Line, string Message, bool IsError);

/// <summary>A group of a synonyms file: its line and the analysed terms of its words.</summary>
public sealed record SynonymGroup(int Line, IReadOnlyList<string> Terms);

/// <summary>A synonyms file read: what search uses, the groups as written, and what is wrong.</summary>
public sealed record SynonymsFile(Synonyms Synonyms, IReadOnlyList<SynonymGroup> Groups, IReadOnlyList<SynonymFinding> Findings);

/// <summary>
/// The synonyms content authors keep in <c>content/{culture}/synonyms.txt</c>: one group a line, words separated by
/// commas (<c>phone, mobile, smartphone</c>), <c>#</c> starting a comment. At query time a word that is one of a
/// group's words also matches every other word of the group, in any of its forms, because groups are compared by
/// their analysed terms, not by spelling.
/// </summary>
public sealed class Synonyms
{
    public const string FileName = "synonyms.txt";

    private readonly Dictionary<string, string[]> _byTerm;

    private Synonyms(Dictionary<string, string[]> byTerm) => _byTerm = byTerm;

    public static Synonyms None { get; } = new([]);

    public int Count => _byTerm.Count;

    /// <summary>The file's groups as analysed terms, with every problem found; a group's broken words are left out.</summary>
    public static SynonymsFile Parse(string culture, string text)
    {
        var findings = new List<SynonymFinding>();
        var groups = new List<SynonymGroup>();
        var firstLine = new Dictionary<string, (int Line, string Word)>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i + 1;
            var content = lines[i].Split('#', 2)[0].Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var terms = new List<string>();
            foreach (var entry in content.Split(',').Select(e => e.Trim()))
            {
                var words = SearchAnalyzer.Words(culture, entry).ToList();
                if (entry.Length == 0)
                {
                    findings.Add(new(line, "An empty entry: two commas in a row, or a comma at the end.", IsError: true));
                }
                else if (words.Count == 0)
                {
                    findings.Add(new(line, $"'{entry}' is only a stop word or punctuation; search ignores it, so it can be no synonym.", IsError: true));
                }
                else if (words.Count > 1)
                {
                    findings.Add(new(line, $"'{entry}' is several words; a synonym is one word (phrases are not supported).", IsError: true));
                }
                else if (words[0].Terms.FirstOrDefault(firstLine.ContainsKey) is { } seen)
                {
                    var (otherLine, otherWord) = firstLine[seen];
                    findings.Add(new(line, otherLine == line
                        ? $"'{entry}' is in this group twice (as '{otherWord}')."
                        : $"'{entry}' is already in the group on line {otherLine} (as '{otherWord}'); a word belongs to one group.", IsError: true));
                }
                else
                {
                    foreach (var term in words[0].Terms)
                    {
                        firstLine[term] = (line, entry);
                    }

                    terms.AddRange(words[0].Terms);
                }
            }

            if (terms.Count > 0 && content.Split(',').Length < 2)
            {
                findings.Add(new(line, "A group needs at least two words, separated by commas.", IsError: true));
            }
            else if (terms.Count > 0)
            {
                groups.Add(new(line, [.. terms.Distinct(StringComparer.Ordinal)]));
            }
        }

        var byTerm = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in groups.Where(g => g.Terms.Count > 1))
        {
            foreach (var term in group.Terms)
            {
                byTerm[term] = [.. group.Terms];
            }
        }

        return new(new Synonyms(byTerm), groups, findings);
    }

    /// <summary>Reads content/{culture}/synonyms.txt; a missing file is no synonyms.</summary>
    public static SynonymsFile Read(string contentFolder, string culture)
    {
        var path = Path.Combine(contentFolder, culture, FileName);
        return File.Exists(path) ? Parse(culture, File.ReadAllText(path)) : new(None, [], []);
    }

    /// <summary>The terms of a query word together with those of its group, if it has one.</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<string> terms)
    {
        if (_byTerm.Count == 0 || !terms.Any(_byTerm.ContainsKey))
        {
            return terms;
        }

        return [.. terms.Concat(terms.SelectMany(t => _byTerm.GetValueOrDefault(t, []))).Distinct(StringComparer.Ordinal)];
    }
}
