using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Addin;

namespace TeamsAmdl.Functions.Tests.Addin;

/// <summary>The add-in's proposals and attachment rules (pure).</summary>
public sealed class MailProposalTests
{
    private static readonly Traeger[] Traeger =
    [
        new("tr-a", "Bildungswerk A", "Musterstadt", "kontakt@bw-a.example"),
        new("tr-b", "Bildungszentrum B", "Musterstadt", "info@bz-b.example"),
        new("tr-b2", "Zweigstelle B", "Nachbarort", "zweig@bz-b.example"),   // shares the domain with tr-b
        new("tr-c", "Freiberufler C", "Musterstadt", "c.freiberuf@gmail.com"), // a shared mail domain
    ];

    [Theory]
    [InlineData("kontakt@bw-a.example", "tr-a", true)]            // the contact address itself
    [InlineData("Büro A <Buero@BW-A.example>", "tr-a", false)]    // display-name form, case-insensitive domain
    [InlineData("info@bz-b.example", "tr-b", true)]               // exact address wins over an ambiguous domain
    [InlineData("andere@bz-b.example", null, false)]             // two Träger share the domain: no guess
    [InlineData("c.freiberuf@gmail.com", "tr-c", true)]           // exact address on a shared domain
    [InlineData("jemand@gmail.com", null, false)]                 // a shared domain never identifies a Träger
    [InlineData("info@unbekannt.example", null, false)]
    [InlineData("kein-absender", null, false)]
    [InlineData("", null, false)]
    public void Traeger_from_the_sender(string sender, string? expected, bool byAddress)
    {
        var (t, exact) = MailProposal.TraegerFor(sender, Traeger);
        Assert.Equal(expected, t?.Id);
        Assert.Equal(byAddress, exact);
    }

    [Theory]
    [InlineData("AW: Stellungnahme 962-E-2026-0101 Mängel", "962-E-2026-0101")]
    [InlineData("Bericht zu 962-e-2026-0101", "962-E-2026-0101")]   // case-insensitive
    [InlineData("Bericht 962-E-2026-01011", "962-E-2026-01011")]    // the longer of two overlapping numbers
    [InlineData("Rückfrage zur Rechnung", null)]
    [InlineData("", null)]
    public void Measure_from_the_subject(string subject, string? expected) =>
        Assert.Equal(expected, MailProposal.MeasureIn(subject, ["962-E-2026-0101", "962-E-2026-01011", "962-E-2026-0102"]));

    [Theory]
    [InlineData("Stellungnahme zu den Mängeln", FilingCategory.SchriftverkehrMaengel)]
    [InlineData("AW: Mängelanzeige vom 12.11.", FilingCategory.SchriftverkehrMaengel)]
    [InlineData("Rezertifizierung AZAV", FilingCategory.SchriftverkehrFachkundigeStelle)]
    [InlineData("Beschwerde einer Teilnehmerin", FilingCategory.TeilnehmerbefragungenBeschwerden)]
    [InlineData("Prüfbericht Vor-Ort-Besuch", FilingCategory.VorOrtBesuchePruefberichte)]
    [InlineData("Auslastung Oktober", FilingCategory.Auslastung)]
    [InlineData("Abschlussbericht", FilingCategory.Massnahmebetreuung)] // day-to-day correspondence is the default
    public void Category_from_the_subject(string subject, FilingCategory expected) =>
        Assert.Equal(expected, MailProposal.CategoryFor(subject));

    [Theory]
    [InlineData("setup.exe", true)]
    [InlineData("SETUP.EXE ", true)]
    [InlineData("rechnung.pdf.js", true)]
    [InlineData("skript.ps1", true)]
    [InlineData("paket.msi", true)]
    [InlineData("bildschirm.scr", true)]
    [InlineData("bericht.pdf", false)]
    [InlineData("liste.xlsx", false)]
    [InlineData("ohne-endung", false)]
    public void Executables_by_name(string name, bool expected) =>
        Assert.Equal(expected, AttachmentRules.IsExecutable(name, "%PDF"u8));

    [Fact]
    public void A_Windows_program_under_any_name_is_an_executable_but_a_text_starting_with_MZ_is_not()
    {
        Assert.True(AttachmentRules.IsExecutable("bericht.pdf", TestFiles.Exe()));
        Assert.False(AttachmentRules.IsExecutable("notiz.txt", "MZ-Bericht: alles in Ordnung, keine weiteren Anmerkungen zur Maßnahme im November."u8));
    }
}
