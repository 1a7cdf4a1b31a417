namespace TeamsAmdl.Filing.Documents;

/// <summary>The facts of an Erwartungsbogen (R-TN-1): pseudonymous reference only, the expectation in the customer's words.</summary>
public sealed record ErwartungsbogenInput(
    string Massnahmenummer,
    string MassnahmeTitel,
    string Traeger,
    string Kundenreferenz,
    DateOnly Eintritt,
    string Erwartung,
    DateOnly Zieldatum,
    string Ifk,
    DateOnly Datum);

/// <summary>
/// Erwartungsbogen as DOCX for the Träger and the e-Akte (filed under "Maßnahmebetreuung"): measure, Träger, customer
/// reference, entry, the expectation (O-Ton) and its target date, recorded by the IFK. Deterministic: same input, same bytes.
/// </summary>
public sealed class ErwartungsbogenRenderer(JobcenterInfo jobcenter)
{
    public RenderedDocument Render(ErwartungsbogenInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = $"Erwartungsbogen {input.Kundenreferenz} – Maßnahme {input.Massnahmenummer}";
        var doc = new DocxLayout(jobcenter, subject, input.Datum);
        doc.Paragraph("Erwartungsbogen für die Nutzung des Angebots", bold: true, size: 28, spacingAfter: 240);
        doc.Table(["Angabe", "Inhalt"], [3000, 6300],
        [
            ["Maßnahme", $"{input.MassnahmeTitel} ({input.Massnahmenummer})"],
            ["Träger", input.Traeger],
            ["Kundenreferenz", input.Kundenreferenz],
            ["Eintritt", German.Date(input.Eintritt)],
            ["Erfasst von (IFK)", input.Ifk],
            ["Erfasst am", German.Date(input.Datum)],
        ]);
        doc.Paragraph("Erwartungen an das Angebot (O-Ton)", bold: true, spacingAfter: 80);
        doc.Paragraph(input.Erwartung);
        doc.Paragraph($"Zieldatum: {German.Date(input.Zieldatum)}");
        doc.Paragraph("Der Feedbackbogen zum Ende der Teilnahme greift diese Erwartungen wieder auf.", size: 18);
        var bytes = doc.Build("Erwartungsbogen");
        return new RenderedDocument(BinaryData.FromBytes(bytes), RenderedDocument.DocxType, new FilingTarget(
            input.Traeger, input.Massnahmenummer, FilingCategory.Massnahmebetreuung, "Erwartungsbogen", input.Datum,
            $"Erwartungsbogen {input.Kundenreferenz}", "docx"));
    }
}
