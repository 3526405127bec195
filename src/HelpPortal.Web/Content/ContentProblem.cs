namespace HelpPortal.Web.Content;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Something wrong with a content file, pointing at the file, the line and the field so an author can fix it.</summary>
/// <param name="Path">Path relative to the content folder, with forward slashes.</param>
/// <param name="Line">1-based line in the file; 0 when the problem concerns the whole file.</param>
public sealed record ContentProblem(string Path, int Line, string? Field, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString()
    {
        var location = Line > 0 ? $"{Path}:{Line}" : Path;
        var field = Field is null ? "" : $" [{Field}]";
        var severity = Severity == ProblemSeverity.Error ? "error" : "warning";
        return $"{location}: {severity}{field}: {Message}";
    }
}
