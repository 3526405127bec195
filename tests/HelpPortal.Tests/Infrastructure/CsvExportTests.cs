using System.Text;
using CsCheck;
using HelpPortal.Web.Infrastructure;

namespace HelpPortal.Tests.Infrastructure;

/// <summary>
/// The CSV writer's rules on their own, against a plain statement of each rule written here: the exports' tests read
/// whole files, these reach the texts a survey answer rarely holds.
/// </summary>
public sealed class CsvExportTests
{
    private const string Alphabet = "ab āž\"',;\t\r\n=+-@ ";

    [Fact]
    public void Neutralizing_any_text_marks_exactly_the_pieces_that_start_like_a_formula()
    {
        char[]? buffer = null; // Shared by every sample, as one export's writer shares it between fields.
        Gen.String[Alphabet].Sample(
            text =>
            {
                Assert.Equal(MarkedPieces(text), CsvExport.Neutralize(text, ref buffer).ToString());
                Assert.Equal(MarkedPieces(text), CsvExport.Neutralize(text));
            },
            iter: 20_000,
            threads: 1);
    }

    [Fact]
    public void Text_with_nothing_to_mark_is_returned_as_it_is_without_a_buffer()
    {
        char[]? buffer = null;

        var text = CsvExport.Neutralize("viens; divi, trīs \"x\" a=b 1-2", ref buffer);

        Assert.Equal("viens; divi, trīs \"x\" a=b 1-2", text.ToString());
        Assert.Null(buffer);
    }

    [Theory]
    [InlineData("plain", "plain\r\n")]
    [InlineData("a;b", "\"a;b\"\r\n")]
    [InlineData("a,b", "\"a,b\"\r\n")]
    [InlineData("a\tb", "\"a\tb\"\r\n")]
    [InlineData("a;=b", "\"a;'=b\"\r\n")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"\r\n")]
    [InlineData("-1", "'-1\r\n")]
    [InlineData(" x ", " x \r\n")]
    public async Task A_field_is_marked_then_quoted_when_it_holds_any_separator_a_spreadsheet_might_split_on(string value, string written)
    {
        Assert.Equal(written, await WriteOneFieldAsync(csv => csv.WriteText(value)));
    }

    [Fact]
    public async Task Numbers_dates_and_ids_follow_the_rules_of_text()
    {
        var id = Guid.Parse("0199A3C4-5E6F-7A8B-9C0D-1E2F3A4B5C6D");

        Assert.Equal("'-5\r\n", await WriteOneFieldAsync(csv => csv.Write(-5)));
        Assert.Equal("0199a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d\r\n", await WriteOneFieldAsync(csv => csv.Write(id, "D")));
        Assert.Equal("2026-10-01T08:00:00Z\r\n", await WriteOneFieldAsync(csv => csv.Write(new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc), "yyyy-MM-dd'T'HH:mm:ss'Z'")));
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public void Any_text_written_from_its_utf8_bytes_gives_the_same_file_as_written_from_its_characters(char delimiter)
    {
        // Two alphabets: one full of what the rules act on, one of plain words (the bytes written as they are).
        Gen.OneOf(Gen.String[Alphabet], Gen.String["ab āž 1.?"]).Sample(
            text => Assert.Equal(
                WriteOneField(csv => csv.WriteText(text), delimiter),
                WriteOneField(csv => csv.WriteText(Encoding.UTF8.GetBytes(text).AsSpan()), delimiter)),
            iter: 20_000,
            threads: 1);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_written_with_the_replacement_character_as_before()
    {
        Assert.Equal("a\uFFFD\r\n", await WriteOneFieldAsync(csv => csv.WriteText([(byte)'a', 0xFF])));
    }

    /// <summary>The rule as the export promises it: a piece begins the text and after each , ; tab CR LF.</summary>
    private static string MarkedPieces(string text)
    {
        var result = new StringBuilder();
        var pieceStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not (',' or ';' or '\t' or '\r' or '\n'))
            {
                continue;
            }

            var piece = text[pieceStart..Math.Min(i + 1, text.Length)];
            var first = piece.TrimStart(' ', '"');
            if (first.Length > 0 && (first[0] is '=' or '+' or '-' or '@' or '\t' || (pieceStart == 0 && first[0] is '\r' or '\n')))
            {
                result.Append('\'');
            }

            result.Append(piece);
            pieceStart = i + 1;
        }

        return result.ToString();
    }

    private static string WriteOneField(Action<CsvExportWriter> write, char delimiter)
        => WriteOneFieldAsync(write, delimiter).GetAwaiter().GetResult();

    private static async Task<string> WriteOneFieldAsync(Action<CsvExportWriter> write, char delimiter = ',')
    {
        using var output = new MemoryStream();
        await using (var csv = CsvExportWriter.Create(output, delimiter))
        {
            write(csv);
            await csv.EndRecordAsync(CancellationToken.None);
            await csv.FlushAsync(CancellationToken.None);
        }

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}
