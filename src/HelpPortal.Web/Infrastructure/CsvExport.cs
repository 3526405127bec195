using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
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
    /// <summary>Where a piece of text begins that a spreadsheet could read as a cell of its own.</summary>
    private static readonly SearchValues<char> PieceSeparators = SearchValues.Create(",;\t\r\n");

    /// <summary>Makes the response a CSV file the browser saves as <paramref name="fileName"/>; the rows follow in its body.</summary>
    public static void StartCsvDownload(this HttpResponse response, string fileName)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }

    public static async Task<int> WriteAsync<T>(
        IAsyncEnumerable<T> rows, IEnumerable<string> headers, Func<T, IEnumerable<string>> cells, Stream output, char delimiter, CancellationToken cancellationToken)
    {
        await using var csv = CsvExportWriter.Create(output, delimiter);
        await csv.WriteRecordAsync(headers, cancellationToken);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(cells(row), cancellationToken);
            count++;
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
        char[]? buffer = null;
        var marked = Neutralize(value, ref buffer);
        return buffer is null ? value : marked.ToString();
    }

    /// <summary>
    /// <see cref="Neutralize(string)"/> without allocating: <paramref name="value"/> itself when nothing is marked (as
    /// for almost every text), else the marked text in <paramref name="buffer"/>, which grows when it is too short.
    /// <paramref name="buffer"/> stays untouched (null stays null) when nothing is marked.
    /// </summary>
    public static ReadOnlySpan<char> Neutralize(ReadOnlySpan<char> value, ref char[]? buffer)
    {
        var written = 0; // Characters in buffer, once something is marked.
        var copied = 0; // Characters of value already in buffer.
        var start = 0; // Where the current piece begins in value.
        var marking = false;
        while (true)
        {
            if (StartsLikeAFormula(value, start, first: start == 0))
            {
                if (!marking)
                {
                    // At most one mark per piece, and every piece but the first follows a character of the value.
                    if (buffer is null || buffer.Length < value.Length * 2 + 1)
                    {
                        buffer = new char[Math.Max(value.Length * 2 + 1, 256)];
                    }

                    marking = true;
                }

                value[copied..start].CopyTo(buffer.AsSpan(written));
                written += start - copied;
                buffer![written++] = '\'';
                copied = start;
            }

            var next = value[start..].IndexOfAny(PieceSeparators);
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        if (!marking)
        {
            return value;
        }

        value[copied..].CopyTo(buffer.AsSpan(written));
        return buffer.AsSpan(0, written + value.Length - copied);
    }

    /// <summary>Whether the piece at <paramref name="start"/>, past its spaces and quotes, starts like a formula.</summary>
    private static bool StartsLikeAFormula(ReadOnlySpan<char> value, int start, bool first)
    {
        var i = start;
        while (i < value.Length && value[i] is ' ' or '"')
        {
            i++;
        }

        return i < value.Length && (value[i] is '=' or '+' or '-' or '@' or '\t' || (first && value[i] is '\r' or '\n'));
    }
}

/// <summary>
/// A CSV file being written by <see cref="CsvExport"/>'s rules, a field at a time and without an object per row or cell:
/// numbers, dates and ids are formatted as UTF-8 into a reused buffer and written by the same rules as text, into
/// CsvHelper's low-level writer's own buffer, which goes to the output whenever it is nearly full.
/// </summary>
public sealed class CsvExportWriter : IAsyncDisposable
{
    /// <summary>
    /// A field holding any of these is quoted even when the file's own separator is another: Excel with Latvian settings
    /// splits a comma file on ';' and a semicolon file on ',', and a quoted field keeps its text together there too.
    /// </summary>
    private static readonly SearchValues<char> QuoteWhenPresent = SearchValues.Create(",;\t\r\n\"");

    /// <summary>The bytes of UTF-8 text that <see cref="CsvExport.Neutralize(string)"/> or the quoting rule look at (all ASCII).</summary>
    private static readonly SearchValues<byte> Utf8NeedsARule = SearchValues.Create(",;\t\r\n\""u8);

    private readonly CsvWriter _csv;
    private char[]? _marked;
    private char[] _utf16 = new char[256];
    private byte[] _formatted = new byte[64];

    private CsvExportWriter(CsvWriter csv) => _csv = csv;

    /// <summary>Starts the file (the byte-order mark) on <paramref name="output"/>, which stays open afterwards.</summary>
    public static CsvExportWriter Create(Stream output, char delimiter)
    {
        // CsvHelper's defaults are RFC 4180. Its own injection handling is off: it looks at a field's first character only.
        var options = CsvWriterOptions.Default with
        {
            Separator = delimiter,
            WriteByteOrderMark = true,
            Injection = CsvInjection.None,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        return new CsvExportWriter(CsvWriter.Create(output, options, leaveOpen: true));
    }

    public void WriteText(ReadOnlySpan<char> value)
    {
        var text = CsvExport.Neutralize(value, ref _marked);
        _csv.WriteField(text, text.ContainsAny(QuoteWhenPresent) ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
    }

    /// <summary>
    /// A text given as UTF-8 (as SQLite holds it). When nothing in it needs a rule — no separator, quote, tab, CR or LF,
    /// nothing formula-like at its start, and valid UTF-8 — its bytes go into the file as they are, which is what
    /// almost every value of an export is; otherwise it is written as <see cref="WriteText(ReadOnlySpan{char})"/>
    /// writes it. The file's bytes are the same either way.
    /// </summary>
    public void WriteText(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.ContainsAny(Utf8NeedsARule) && !StartsLikeAFormula(utf8) && Utf8.IsValid(utf8))
        {
            _csv.WriteField(utf8);
            return;
        }

        // UTF-16 never needs more units than UTF-8 has bytes.
        if (_utf16.Length < utf8.Length)
        {
            _utf16 = new char[Math.Max(utf8.Length, _utf16.Length * 2)];
        }

        Utf8.ToUtf16(utf8, _utf16, out _, out var length);
        WriteText(_utf16.AsSpan(0, length));
    }

    /// <summary>A value written as the UTF-8 text it formats to (invariant culture), by the same rules as any text.</summary>
    public void Write<T>(T value, ReadOnlySpan<char> format = default)
        where T : IUtf8SpanFormattable
    {
        int length;
        while (!value.TryFormat(_formatted, out length, format, CultureInfo.InvariantCulture))
        {
            _formatted = new byte[_formatted.Length * 2];
        }

        WriteText(_formatted.AsSpan(0, length));
    }

    /// <summary>Whether UTF-8 text with no separator, quote, tab, CR or LF starts, past its spaces, like a formula.</summary>
    private static bool StartsLikeAFormula(ReadOnlySpan<byte> utf8)
    {
        var i = 0;
        while (i < utf8.Length && utf8[i] == (byte)' ')
        {
            i++;
        }

        return i < utf8.Length && utf8[i] is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@';
    }

    /// <summary>Ends the record; the buffer goes to the output when it is nearly full.</summary>
    public ValueTask EndRecordAsync(CancellationToken cancellationToken) => _csv.EndRecordAsync(cancellationToken);

    public ValueTask WriteRecordAsync(IEnumerable<string> fields, CancellationToken cancellationToken)
    {
        foreach (var field in fields)
        {
            WriteText(field);
        }

        return EndRecordAsync(cancellationToken);
    }

    /// <summary>Writes what is buffered and flushes the output.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
