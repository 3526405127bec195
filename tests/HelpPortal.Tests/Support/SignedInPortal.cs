using Microsoft.EntityFrameworkCore;

namespace HelpPortal.Tests.Support;

/// <summary>
/// One portal and one signed-in admin for all the tests of a class (a class fixture): starting a portal and
/// signing in with password and authenticator costs more than most report tests themselves.
/// </summary>
public class SignedInPortal : IAsyncLifetime
{
    public SignedInPortal()
        : this(new PortalFactory())
    {
    }

    protected SignedInPortal(PortalFactory factory) => Factory = factory;

    public PortalFactory Factory { get; }

    public AdminSession Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Where there is no PostgreSQL the class's tests are reported as skipped; the fixture must not fail before that.
        if (Factory.Database == TestDatabase.Postgres && TestPostgres.SkipReason is not null)
        {
            return;
        }

        Admin = await AdminSession.SignedInAsync(Factory);
    }

    /// <summary>Deletes every survey response, so that a test sees only the ones it stores.</summary>
    public Task ForgetSurveyResponsesAsync() => Factory.WithDbAsync(db => db.SurveyResponses.ExecuteDeleteAsync());

    public virtual Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A <see cref="SignedInPortal"/> on its own PostgreSQL database.</summary>
public sealed class PostgresSignedInPortal() : SignedInPortal(new PortalFactory { Database = TestDatabase.Postgres });
