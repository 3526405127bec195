using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpPortal.Web.Data;

/// <summary>
/// On PostgreSQL the data-protection keys (antiforgery tokens, survey start stamps, admin cookies) live in the
/// database, so a form served by one instance is accepted by the next and an admin stays signed in whichever instance
/// answers. On SQLite — one instance — they stay in the keys folder, as before.
/// </summary>
public static class SharedKeyRing
{
    /// <summary>Advisory-lock key for creating the first key: "HPkeys" in ASCII.</summary>
    private const long CreateKeyLock = 0x4850_6B65_7973;

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        // PostConfigure: runs after the file repository is configured, and replaces it only on PostgreSQL.
        services.AddOptions<KeyManagementOptions>().PostConfigure<IOptions<DatabaseOptions>, IServiceProvider, ILoggerFactory>((keys, database, provider, loggers) =>
        {
            if (database.Value.Provider == DatabaseProvider.Postgres)
            {
                keys.XmlRepository = new EntityFrameworkCoreXmlRepository<PortalDbContext>(provider, loggers);
            }
        });
        return services;
    }

    /// <summary>
    /// Makes sure the shared key ring has a key before this instance serves. Instances starting together would each
    /// find the ring empty and each create their own key; a session-level advisory lock lets the first create it and
    /// the others read it.
    /// </summary>
    public static async Task EnsureSharedKeyAsync(this PortalDbContext db, IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres())
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({CreateKeyLock})", cancellationToken);
            try
            {
                // Protecting anything loads the ring from the database and creates the first key if there is none.
                protection.CreateProtector("HelpPortal.KeyRing").Protect([0]);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({CreateKeyLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
