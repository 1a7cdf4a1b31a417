using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Domain.Quality.Monitoring;

namespace TeamsAmdl.Domain.Tests.Quality.Monitoring;

public class CosachCsvTests
{
    [Fact]
    public void Contacts_become_semicolon_CSV_with_BOM_CRLF_German_dates_sorted_and_quoted_where_needed()
    {
        var csv = CosachCsv.Write(
        [
            new CosachContact(CosachContactType.Kontaktbesuch, new DateOnly(2026, 11, 20), "Neue Wege; Qualifizierung e.V.", "962-E-2026-0102", "Julia Weber"),
            new CosachContact(CosachContactType.Massnahmepruefung, new DateOnly(2026, 11, 3), "Bildungswerk \"Rheinaue\" gGmbH", "962-E-2026-0101",
                "Julia Weber, Katrin Fischer"),
            new CosachContact(CosachContactType.Kontaktbesuch, new DateOnly(2026, 11, 3), "=HYPERLINK(\"x\")", "962-E-2026-0101", "Jan Becker"),
        ]);
        Assert.Equal(
            "\uFEFFKontaktart;Bezeichnung;Datum;Träger;Maßnahmenummer;Mitarbeitende\r\n" +
            "3;Maßnahmeprüfung;03.11.2026;\"Bildungswerk \"\"Rheinaue\"\" gGmbH\";962-E-2026-0101;Julia Weber, Katrin Fischer\r\n" +
            "6;Kontaktbesuch;03.11.2026;\"'=HYPERLINK(\"\"x\"\")\";962-E-2026-0101;Jan Becker\r\n" +
            "6;Kontaktbesuch;20.11.2026;\"Neue Wege; Qualifizierung e.V.\";962-E-2026-0102;Julia Weber\r\n",
            csv);
    }

    [Fact]
    public void No_contacts_is_the_header_only() =>
        Assert.Equal("\uFEFFKontaktart;Bezeichnung;Datum;Träger;Maßnahmenummer;Mitarbeitende\r\n", CosachCsv.Write([]));
}
