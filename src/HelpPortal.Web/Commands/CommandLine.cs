using System.Globalization;

namespace HelpPortal.Web.Commands;

/// <summary>The verbs and <c>--name value</c> options of one command line, with the errors a person can act on.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;

    private CommandLine(string[] verbs, Dictionary<string, string> options, List<string> errors)
    {
        Verbs = verbs;
        _options = options;
        Errors = errors;
    }

    public string[] Verbs { get; }

    public List<string> Errors { get; }

    public static CommandLine Parse(string[] args)
    {
        var verbs = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = verbs.Length; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                errors.Add($"'{name}' needs a value (--name value).");
                continue;
            }

            if (!options.TryAdd(name[2..], args[++i]))
            {
                errors.Add($"'{name}' is given twice.");
            }
        }

        return new CommandLine(verbs, options, errors);
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string? Required(string name)
    {
        var value = Option(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add($"--{name} is required.");
        }

        return value;
    }

    /// <summary>A required whole number of days, 1 or more (retention periods); 0 and an error when it is anything else.</summary>
    public int RequiredDays(string name)
    {
        var value = Required(name);
        if (value is null)
        {
            return 0;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < 1)
        {
            Errors.Add($"--{name} must be a whole number of days, 1 or more, not '{value}'.");
            return 0;
        }

        return days;
    }

    /// <summary>Writes every error collected so far; true when there was any (the command should then exit with 1).</summary>
    public bool HasErrors(TextWriter error)
    {
        Errors.ForEach(error.WriteLine);
        return Errors.Count > 0;
    }

    /// <summary>Reports options this command does not know (a typo must not silently change what an export contains).</summary>
    public void AllowOnly(params string[] names)
    {
        foreach (var unknown in _options.Keys.Except(names).Where(k => k is not ("urls" or "environment" or "contentRoot")))
        {
            Errors.Add($"Unknown option --{unknown}.");
        }
    }
}
