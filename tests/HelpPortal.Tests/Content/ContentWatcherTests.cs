
namespace HelpPortal.Tests.Content;

public sealed class ContentWatcherTests : IDisposable
{
    private readonly TestContent _content = new();

    [Fact]
    public async Task In_development_an_edited_article_is_re_imported_without_a_restart()
    {
        using var factory = new PortalFactory { ContentFolder = _content.Folder, EnvironmentName = "Development", WatchForChanges = true };
        var client = factory.CreateClient();
        Assert.DoesNotContain("Edited while running", await client.GetStringAsync("/en/articles/forgotten-password"), StringComparison.Ordinal);

        const string path = "en/signing-in/forgotten-password.md";
        _content.Write(path, _content.Read(path).Replace("title: ", "title: Edited while running — ", StringComparison.Ordinal));

        // The watcher reacts to the file system on its own schedule: wait for the change, give up after 20 seconds.
        var seen = false;
        for (var attempt = 0; attempt < 100 && !seen; attempt++)
        {
            await Task.Delay(200);
            seen = (await client.GetStringAsync("/en/articles/forgotten-password")).Contains("Edited while running", StringComparison.Ordinal);
        }

        Assert.True(seen, "The edited title never appeared.");
    }

    public void Dispose() => _content.Dispose();
}
