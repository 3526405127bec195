using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Content;

public abstract class ContentImportCommandTests : IDisposable
{
    public sealed class OnSqlite() : ContentImportCommandTests(TestDatabase.Sqlite);

    public sealed class OnPostgres() : ContentImportCommandTests(TestDatabase.Postgres), IRunsOnPostgres;

    private readonly TestContent _content = new();
    private readonly PortalFactory _factory;

    protected ContentImportCommandTests(TestDatabase database) => _factory = new PortalFactory { ContentFolder = _content.Folder, Database = database };

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    [DatabaseFact]
    public async Task Content_import_brings_a_changed_article_into_the_catalogue_and_reports_the_counts()
    {
        _ = _factory.Services; // The portal's own start-up import has run.
        var path = Path.Combine(_content.Folder, "en", "signing-in", "forgotten-password.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\ntitle: ", "\ntitle: Renamed. ", StringComparison.Ordinal));

        var (exitCode, output, _) = await _factory.RunCommandAsync(null, "content", "import");

        Assert.Equal(0, exitCode);
        Assert.Contains("Imported: 0 added, 1 updated, 55 unchanged, 0 removed; 0 errors.", output, StringComparison.Ordinal);
        Assert.StartsWith("Renamed. ", await _factory.WithDbAsync(db => db.ArticleTranslations.Where(t => t.Slug == "forgotten-password").Select(t => t.Title).SingleAsync()), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Content_import_fails_on_a_broken_file_and_still_imports_the_rest()
    {
        _ = _factory.Services;
        File.WriteAllText(Path.Combine(_content.Folder, "en", "set-up-2fa", "broken.md"), "---\ntitle: [unclosed\n---\nBody");

        var (exitCode, output, _) = await _factory.RunCommandAsync(null, "content", "import");

        Assert.Equal(1, exitCode);
        Assert.Contains("en/set-up-2fa/broken.md", output, StringComparison.Ordinal);
        Assert.Contains("1 errors.", output, StringComparison.Ordinal);
    }
}
