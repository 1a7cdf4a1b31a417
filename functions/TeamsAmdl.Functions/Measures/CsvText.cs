using System.Text;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// The text of a CSV file as Excel saves it: UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8,
/// Windows-1252 ("CSV (Trennzeichen-getrennt)" on a German Windows). What is neither — UTF-16, an .xlsx workbook,
/// binary data, or UTF-8 that was saved again as Windows-1252 ("Ã¤" for "ä") — is refused with a German reason,
/// because guessing would store garbled names.
/// </summary>
public sealed record CsvText(string? Text, string Encoding, string? Problem)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CsvText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return Refused(MeasureTexts.ImportEmpty);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Refused(MeasureTexts.ImportUtf16);
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return Refused(MeasureTexts.ImportXlsx);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (bytes.IndexOf((byte)0) >= 0) return Refused(bytes.Length > 1 && (bytes[1] == 0 || bytes[0] == 0) ? MeasureTexts.ImportUtf16 : MeasureTexts.ImportBinary);

        string text, encoding;
        try
        {
            text = StrictUtf8.GetString(bytes);
            encoding = "UTF-8";
        }
        catch (DecoderFallbackException)
        {
            text = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
            encoding = "Windows-1252";
        }
        // UTF-8 read as Windows-1252 and saved again: "ä" (C3 A4) became "Ã¤". German text never has "Ã" before such a character.
        if (text.Contains("Ã¤") || text.Contains("Ã¶") || text.Contains("Ã¼") || text.Contains("ÃŸ") || text.Contains("Ã„") || text.Contains("Ã–")
            || text.Contains("Ãœ"))
            return Refused(MeasureTexts.ImportDoubleEncoded);
        if (text.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t')) return Refused(MeasureTexts.ImportBinary);
        return new CsvText(text, encoding, null);
    }

    private static CsvText Refused(string problem) => new(null, "", problem);
}
