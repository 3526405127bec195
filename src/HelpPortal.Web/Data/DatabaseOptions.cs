namespace HelpPortal.Web.Data;

/// <summary>Which database engine holds the portal's data.</summary>
public enum DatabaseProvider
{
    /// <summary>One file next to the portal: the default, for a single instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by several instances behind a load balancer.</summary>
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Database:Provider</c>: <see cref="DatabaseProvider.Sqlite"/> unless configured otherwise.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string, from <c>ConnectionStrings:Portal</c> where ASP.NET Core keeps connection strings.</summary>
    public string ConnectionString { get; set; } = "";
}
