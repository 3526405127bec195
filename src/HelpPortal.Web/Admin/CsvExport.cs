using CsvHelper;

namespace HelpPortal.Web.Admin;

/// <param name="Delimiter">',' by default; ';' for Excel with Latvian (and most European) regional settings.</param>
/// <param name="HeaderCulture">Null for the column codes; a culture for the question texts in that language.</param>
public sealed record CsvOptions(char Delimiter = ',', string? HeaderCulture = null)
{
    public static CsvOptions Parse(string? delimiter, string? headers, string culture, List<string> errors)
    {
        var separator = delimiter switch
        {
            null or "" or "comma" => ',',
            "semicolon" => ';',
            _ => Fail(errors, $"'delimiter' must be comma or semicolon, not '{delimiter}'.", ','),
        };
        var headerCulture = headers switch
        {
            null or "" or "codes" => null,
            "localized" => culture,
            _ => Fail<string?>(errors, $"'headers' must be codes or localized, not '{headers}'.", null),
        };
        return new CsvOptions(separator, headerCulture);
    }

    private static T Fail<T>(List<string> errors, string message, T value)
    {
        errors.Add(message);
        return value;
    }
}

/// <summary>
/// The portal's one way of writing CSV (survey responses, search misses): RFC 4180 through CsvHelper (CRLF, quoting
/// only where needed, doubled quotes), UTF-8 with a byte-order mark so Excel shows Latvian letters, and formula-like
/// cells neutralised. Rows are written as they are read, so memory stays flat however many there are.
/// </summary>
public static class CsvExport
{
    private const int FlushEvery = 500;

    public static async Task<int> WriteAsync<T>(
        IAsyncEnumerable<T> rows, IEnumerable<string> headers, Func<T, IEnumerable<string>> cells, Stream output, char delimiter, CancellationToken cancellationToken)
    {
        // CsvHelper's defaults are RFC 4180. Its own injection handling is off: Neutralize applies our rule (leading spaces included).
        var options = CsvWriterOptions.Default with
        {
            Separator = delimiter,
            WriteByteOrderMark = true,
            Injection = CsvInjection.None,
            FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        foreach (var header in headers)
        {
            csv.WriteField(Neutralize(header));
        }

        await csv.EndRecordAsync(cancellationToken);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in cells(row))
            {
                csv.WriteField(Neutralize(cell));
            }

            await csv.EndRecordAsync(cancellationToken);
            if (++count % FlushEvery == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with = + - @ (or a tab, CR or LF), even after leading spaces, as a formula.
    /// Such a cell gets a leading apostrophe; nothing else about the text changes.
    /// </summary>
    public static string Neutralize(string value)
    {
        var first = 0;
        while (first < value.Length && value[first] == ' ')
        {
            first++;
        }

        return first < value.Length && value[first] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? "'" + value : value;
    }
}
