using System.Text;
using TeamsAmdl.Functions.Measures;

namespace TeamsAmdl.Functions.Tests.Measures;

/// <summary>The CSV as Excel writes it: encodings, quoting, line numbers, German numbers and dates.</summary>
public sealed class CsvParsingTests
{
    [Fact]
    public void Quoted_fields_keep_separators_and_line_breaks_and_records_keep_their_first_line()
    {
        var table = CsvTable.Parse("sep=;\r\nA;B\r\n\"x;1\";\"zwei\r\nZeilen\"\r\n;;\r\n\"sagt \"\"ja\"\"\";y\r\n", 100);
        Assert.Null(table.Problem);
        Assert.Equal([2, 3, 6], table.Records.Select(r => r.Line));
        Assert.Equal(["x;1", "zwei\r\nZeilen"], table.Records[1].Cells);
        Assert.Equal(["sagt \"ja\"", "y"], table.Records[2].Cells);
        Assert.Equal(MeasureTexts.ImportUnclosedQuote, CsvTable.Parse("A\n\"offen\n", 100).Problem);
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x61, 0xC3, 0x9F }, "UTF-8", "Maß")]            // UTF-8
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x4D, 0x61, 0xC3, 0x9F }, "UTF-8", "Maß")] // UTF-8 with BOM
    [InlineData(new byte[] { 0x4D, 0x61, 0xDF, 0x65, 0x20, 0x80 }, "Windows-1252", "Maße €")] // invalid UTF-8 → Windows-1252
    public void Reads_UTF8_and_falls_back_to_Windows_1252(byte[] bytes, string encoding, string text)
    {
        var decoded = CsvText.Decode(bytes);
        Assert.Equal((encoding, text, null), (decoded.Encoding, decoded.Text, decoded.Problem));
    }

    [Fact]
    public void Refuses_UTF16_workbooks_binary_and_double_encoded_files()
    {
        Assert.Equal(MeasureTexts.ImportUtf16, CsvText.Decode(Encoding.Unicode.GetBytes("\uFEFFMaß")).Problem);
        Assert.Equal(MeasureTexts.ImportUtf16, CsvText.Decode(Encoding.Unicode.GetBytes("Maß")).Problem);
        Assert.Equal(MeasureTexts.ImportXlsx, CsvText.Decode("PK\u0003\u0004rest"u8).Problem);
        Assert.Equal(MeasureTexts.ImportDoubleEncoded, CsvText.Decode(Encoding.UTF8.GetBytes("TrÃ¤ger")).Problem);
        Assert.Equal(MeasureTexts.ImportEmpty, CsvText.Decode([]).Problem);
    }

    [Theory]
    [InlineData("12", 12, null)]
    [InlineData("1.234", 1234, null)]
    [InlineData("2147483647", 2147483647, null)]
    [InlineData("99999999999", null, "„99999999999“ ist als Zahl zu groß.")]
    [InlineData("12,5", null, "„12,5“ ist keine ganze Zahl.")]
    [InlineData("1.23", null, "„1.23“ ist keine ganze Zahl.")]
    public void Whole_numbers_as_German_Excel_writes_them(string cell, int? value, string? problem) =>
        Assert.Equal((value, problem), GermanCells.Integer(cell));

    [Theory]
    [InlineData("1.234,5", "1234.5", null)]
    [InlineData("192", "192", null)]
    [InlineData("1,234.5", null, "„1,234.5“ ist keine Zahl (z. B. 1.234,5).")]
    public void Decimals_as_German_Excel_writes_them(string cell, string? value, string? problem) =>
        Assert.Equal((value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), problem), GermanCells.Decimal(cell));

    [Theory]
    [InlineData("04.01.2027", "2027-01-04")]
    [InlineData("4.1.2027", "2027-01-04")]
    [InlineData("04.01.2027 00:00", "2027-01-04")]
    [InlineData("2027-01-04", "2027-01-04")]
    [InlineData("31.02.2027", null)]
    [InlineData("04.01.2027 12:30", null)]
    public void Dates_as_German_Excel_writes_them(string cell, string? iso) =>
        Assert.Equal(iso is null ? null : DateOnly.Parse(iso), GermanCells.Date(cell).Value);
}
