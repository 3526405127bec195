using System.Buffers;
using System.Text;
using CsvHelper;

namespace HelpPortal.Web.Infrastructure;

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
/// The portal's one way of writing CSV (survey responses, search misses): RFC 4180 through CsvHelper (CRLF, doubled
/// quotes), UTF-8 with a byte-order mark so Excel shows Latvian letters, and formula-like text neutralised whichever
/// separator the spreadsheet splits on. Rows are written as they are read, so memory stays flat however many there are.
/// </summary>
public static class CsvExport
{
    private const int FlushEvery = 500;

    /// <summary>
    /// A field holding any of these is quoted even when the file's own separator is another: Excel with Latvian settings
    /// splits a comma file on ';' and a semicolon file on ',', and a quoted field keeps its text together there too.
    /// </summary>
    private static readonly SearchValues<char> QuoteWhenPresent = SearchValues.Create(",;\t\r\n\"");

    /// <summary>Makes the response a CSV file the browser saves as <paramref name="fileName"/>; the rows follow in its body.</summary>
    public static void StartCsvDownload(this HttpResponse response, string fileName)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }

    public static async Task<int> WriteAsync<T>(
        IAsyncEnumerable<T> rows, IEnumerable<string> headers, Func<T, IEnumerable<string>> cells, Stream output, char delimiter, CancellationToken cancellationToken)
    {
        // CsvHelper's defaults are RFC 4180. Its own injection handling is off: it looks at a field's first character only.
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
            WriteText(csv, header);
        }

        await csv.EndRecordAsync(cancellationToken);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in cells(row))
            {
                WriteText(csv, cell);
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
    /// Every piece of a text that a spreadsheet could read as a cell of its own — the text itself, and what follows each
    /// ',', ';', tab, CR or LF in it — gets a leading apostrophe when its first character other than spaces and quotes
    /// is = + - @ or a tab (or, for the text itself, CR or LF); nothing else about the text changes.
    /// </summary>
    public static string Neutralize(string value)
    {
        StringBuilder? marked = null;
        var pieceStart = 0; // Where the current piece begins in the output.
        var looking = true; // Still before the piece's first character other than spaces and quotes.
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (looking && c is not (' ' or '"'))
            {
                looking = false;
                if (c is '=' or '+' or '-' or '@' or '\t' || (pieceStart == 0 && c is '\r' or '\n'))
                {
                    marked ??= new StringBuilder(value, 0, i, value.Length + 8);
                    marked.Insert(pieceStart, '\'');
                }
            }

            marked?.Append(c);
            if (c is ',' or ';' or '\t' or '\r' or '\n')
            {
                pieceStart = marked?.Length ?? i + 1;
                looking = true;
            }
        }

        return marked?.ToString() ?? value;
    }

    private static void WriteText(CsvWriter csv, string value)
    {
        var text = Neutralize(value);
        csv.WriteField(text, text.AsSpan().ContainsAny(QuoteWhenPresent) ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
    }
}
