using System.Globalization;
using System.Text.RegularExpressions;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// Cell values as a German Excel writes them: dates "04.01.2027" (also "4.1.2027", with " 00:00" when the cell had a
/// time, or ISO), whole numbers "1.234", decimals "1.234,5". Null value = empty cell; a non-null problem is German.
/// </summary>
public static partial class GermanCells
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss"];

    public static (DateOnly? Value, string? Problem) Date(string cell)
    {
        if (cell.Length == 0) return (null, null);
        return DateTime.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.TimeOfDay == TimeSpan.Zero
            ? (DateOnly.FromDateTime(d), null) : (null, MeasureTexts.BadDate(cell));
    }

    public static (int? Value, string? Problem) Integer(string cell)
    {
        if (cell.Length == 0) return (null, null);
        if (!IntegerPattern().IsMatch(cell)) return (null, MeasureTexts.BadInteger(cell));
        return int.TryParse(cell.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? (n, null) : (null, MeasureTexts.IntegerTooLarge(cell));
    }

    public static (decimal? Value, string? Problem) Decimal(string cell)
    {
        if (cell.Length == 0) return (null, null);
        if (!DecimalPattern().IsMatch(cell)) return (null, MeasureTexts.BadDecimal(cell));
        var invariant = cell.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? (d, null) : (null, MeasureTexts.IntegerTooLarge(cell));
    }

    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial Regex DecimalPattern();
}
