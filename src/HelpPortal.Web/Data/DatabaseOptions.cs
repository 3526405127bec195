namespace HelpPortal.Web.Data;

public sealed class DatabaseOptions
{
    /// <summary>The connection string, from <c>ConnectionStrings:Portal</c> where ASP.NET Core keeps connection strings.</summary>
    public string ConnectionString { get; set; } = "";
}
