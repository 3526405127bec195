using System.Text;

namespace HelpPortal.Tests.Support;

/// <summary>
/// A deliberately strict RFC 4180 reader for checking exports: every record ends in CRLF, a quote may appear only in a
/// quoted field (doubled), a bare CR or LF outside quotes is an error, and every record has the same number of fields.
/// It is independent of the library that writes the export, so a test cannot pass by the same bug on both sides.
/// </summary>
public static class StrictCsv
{
    public static List<string[]> Parse(string text, char delimiter = ',')
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"Unterminated quoted field in record {records.Count + 1}.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                {
                    if (text[i] == '"')
                    {
                        throw new FormatException($"A quote inside an unquoted field in record {records.Count + 1}.");
                    }

                    field.Append(text[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == delimiter)
            {
                i++;
                continue;
            }

            if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n')
            {
                i += 2;
                records.Add([.. fields]);
                fields.Clear();
                continue;
            }

            throw new FormatException($"Record {records.Count + 1} does not end with CRLF (at character {i}).");
        }

        if (fields.Count > 0)
        {
            throw new FormatException("The last record does not end with CRLF.");
        }

        if (records.Select(r => r.Length).Distinct().Count() > 1)
        {
            throw new FormatException("Records have different numbers of fields.");
        }

        return records;
    }
}
