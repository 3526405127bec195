using System.ComponentModel.DataAnnotations;

namespace HelpPortal.Web.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; a relative path is looked up from the portal's folder upwards.</summary>
    [Required]
    public string Path { get; set; } = "content";

    /// <summary>Re-import when a file under the content folder changes (on in Development).</summary>
    public bool WatchForChanges { get; set; }

    /// <summary>How long to wait for an editor to finish saving before re-importing.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often each instance checks whether another process imported a change, and evicts its cached pages if so.
    /// A change is visible everywhere within this interval (plus one render).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
