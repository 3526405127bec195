namespace HelpPortal.Web.Localization;

/// <summary>Marker for the interface strings in SharedResource.resx (English) and SharedResource.lv.resx (Latvian).</summary>
public sealed class SharedResource;
