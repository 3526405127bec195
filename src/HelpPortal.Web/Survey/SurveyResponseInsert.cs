using System.Data.Common;
using System.Globalization;
using System.Text;
using HelpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HelpPortal.Web.Survey;

/// <summary>
/// A batch of answers as one multi-row INSERT in its own transaction, for <see cref="SurveyWriter"/>. SaveChanges did
/// the same work at several times the CPU (tracking each answer, generating and parsing one statement per answer),
/// which the profile of a loaded portal put at a tenth of each submission's cost. Table, columns and values come from
/// the EF model of the provider in use (names, type mappings, value converters), so every value is stored exactly as
/// SaveChanges stores it, on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class SurveyResponseInsert
{
    private readonly string _prefix;
    private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;

    public SurveyResponseInsert(PortalDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(SurveyResponse))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties().ToArray();
        _columns = [.. properties.Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))];
        _prefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
    }

    /// <summary>Stores every answer or none; returns once the commit is durable (synchronous=FULL on SQLite).</summary>
    public async Task ExecuteAsync(PortalDbContext db, IReadOnlyList<SurveyResponse> responses, CancellationToken cancellationToken)
    {
        // An EF transaction: the context opens its connection as always, with the portal's pragmas.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = Sql(command, responses);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <remarks>Survey:MaxBatchSize is at most 1,000: 11,000 parameters, within SQLite's 32,766 and PostgreSQL's 65,535.</remarks>
    private string Sql(DbCommand command, IReadOnlyList<SurveyResponse> responses)
    {
        var text = new StringBuilder(_prefix, _prefix.Length + (responses.Count * _columns.Length * 8));
        for (var row = 0; row < responses.Count; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns.Length; column++)
            {
                var (property, mapping) = _columns[column];
                var name = "@p" + (row * _columns.Length + column).ToString(CultureInfo.InvariantCulture);
                text.Append(column == 0 ? "" : ", ").Append(name);

                // CreateParameter applies the property's value converter, as SaveChanges does.
                command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(responses[row]), property.IsNullable));
            }

            text.Append(')');
        }

        return text.ToString();
    }
}
