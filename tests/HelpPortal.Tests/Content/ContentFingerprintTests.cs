using HelpPortal.Web.Content;
using HelpPortal.Web.Data;

namespace HelpPortal.Tests.Content;

/// <summary>What decides whether a start imports: any change an import would see changes the fingerprint, nothing else does.</summary>
public sealed class ContentFingerprintTests : IDisposable
{
    private const string Article = "en/signing-in/forgotten-password.md";
    private readonly TestContent _content = new();

    [Fact]
    public void The_same_files_give_the_same_fingerprint_whatever_their_times()
    {
        var before = ContentFingerprint.Compute(_content.Folder);
        File.SetLastWriteTimeUtc(_content.PathOf(Article), DateTime.UtcNow.AddDays(1));

        Assert.NotNull(before);
        Assert.Equal(ContentImport.FingerprintLength, before.Length);
        Assert.Equal(before, ContentFingerprint.Compute(_content.Folder));
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("renamed")]
    [InlineData("added empty")]
    [InlineData("removed")]
    [InlineData("synonyms edited")]
    [InlineData("topics edited")]
    public void Any_change_an_import_would_see_gives_another_fingerprint(string change)
    {
        var before = ContentFingerprint.Compute(_content.Folder);
        switch (change)
        {
            case "edited":
                _content.Write(Article, _content.Read(Article).Replace("password", "passwort", StringComparison.Ordinal));
                break;
            case "renamed":
                File.Move(_content.PathOf(Article), _content.PathOf("en/signing-in/lost-password.md"));
                break;
            case "added empty":
                _content.Write("en/signing-in/new.md", "");
                break;
            case "removed":
                _content.Delete(Article);
                break;
            case "synonyms edited":
                File.AppendAllText(_content.PathOf("en/synonyms.txt"), "\nphone, smartphone\n");
                break;
            case "topics edited":
                File.AppendAllText(_content.PathOf("topics.yml"), "\n# a comment\n");
                break;
        }

        Assert.NotEqual(before, ContentFingerprint.Compute(_content.Folder));
    }

    [Fact]
    public void A_file_too_large_to_import_leaves_the_start_to_the_full_import()
    {
        _content.Write("en/signing-in/huge.md", new string('a', ContentFolder.MaxFileBytes + 1));

        Assert.Null(ContentFingerprint.Compute(_content.Folder));
    }

    [Fact]
    public void A_link_to_a_folder_leaves_the_start_to_the_full_import()
    {
        Directory.CreateSymbolicLink(_content.PathOf("en/loop"), _content.Folder);

        Assert.Null(ContentFingerprint.Compute(_content.Folder));
    }

    [Fact]
    public void A_missing_folder_has_no_fingerprint()
        => Assert.Null(ContentFingerprint.Compute(Path.Combine(_content.Folder, "missing")));

    public void Dispose() => _content.Dispose();
}
