using System.Globalization;
using System.Text;

namespace TeamsAmdl.Domain.Quality.Monitoring;

/// <summary>
/// The COSACH contact export as CSV the way Excel reads it in Germany (same conventions as the measure import):
/// UTF-8 with BOM, ";" as separator, CRLF, dates dd.MM.yyyy, fields quoted only when they contain ";", quotes or
/// line breaks, a leading formula character defused with "'". Columns: Kontaktart (3/6), Kontaktart (Text), Datum, Träger, Maßnahmenummer, Mitarbeitende.
/// Sorted by date, measure, type, so the same contacts always give the same bytes.
/// </summary>
public static class CosachCsv
{
    public static readonly string[] Header = ["Kontaktart", "Bezeichnung", "Datum", "Träger", "Maßnahmenummer", "Mitarbeitende"];

    public static string Write(IEnumerable<CosachContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var sb = new StringBuilder("\uFEFF");
        Line(sb, Header);
        foreach (var c in contacts.OrderBy(c => c.Date).ThenBy(c => c.MeasureNumber, StringComparer.Ordinal).ThenBy(c => (int)c.Type)
                     .ThenBy(c => c.Staff, StringComparer.Ordinal))
            Line(sb, [((int)c.Type).ToString(CultureInfo.InvariantCulture), Label(c.Type),
                c.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), c.Traeger, c.MeasureNumber, c.Staff]);
        return sb.ToString();
    }

    public static string Label(CosachContactType type) => type switch
    {
        CosachContactType.Massnahmepruefung => "Maßnahmeprüfung",
        CosachContactType.Kontaktbesuch => "Kontaktbesuch",
        _ => type.ToString(),
    };

    private static void Line(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(';');
            // A leading =, +, - or @ would make Excel run the field as a formula.
            var f = fields[i] is [ '=' or '+' or '-' or '@', ..] ? "'" + fields[i] : fields[i];
            sb.Append(f.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f);
        }
        sb.Append("\r\n");
    }
}
