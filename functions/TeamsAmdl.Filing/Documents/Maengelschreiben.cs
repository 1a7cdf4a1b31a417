using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsAmdl.Filing.Documents;

/// <summary>One defect found at the Träger.</summary>
/// <param name="Grundlage">Where the obligation comes from, e.g. "Leistungsbeschreibung Nr. 3.2".</param>
public sealed record Mangel(string Beschreibung, string? Grundlage, DateOnly? BehebenBis);

/// <summary>The facts for a Mängel letter to a Träger (a draft the Fachkraft edits before sending).</summary>
/// <param name="Anlass">What found the defects, e.g. "der Vor-Ort-Prüfung am 12.11.2026".</param>
public sealed record MaengelschreibenInput(
    string Massnahmenummer,
    string MassnahmeTitel,
    string Traeger,
    IReadOnlyList<string> TraegerAnschrift,
    string Aktenzeichen,
    string Sachbearbeitung,
    string? Telefon,
    string? EMail,
    DateOnly Datum,
    string Anlass,
    IReadOnlyList<Mangel> Maengel,
    DateOnly Stellungnahmefrist);

/// <summary>
/// Mängel letter draft as DOCX (meant to be edited in Word before it is sent): return address, recipient, reference
/// block, subject, table of defects with deadlines, "ENTWURF" in the header, "Seite X von Y" in the footer.
/// Filed under "Schriftverkehr Mängel". Deterministic: same input, same bytes.
/// </summary>
public sealed class MaengelschreibenRenderer(JobcenterInfo jobcenter)
{
    public RenderedDocument Render(MaengelschreibenInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Maengel is null || input.Maengel.Count == 0)
            throw new ArgumentException("Ein Mängelschreiben ohne Mängel gibt es nicht.", nameof(input));
        if (input.Stellungnahmefrist <= input.Datum)
            throw new ArgumentException("Die Frist zur Stellungnahme muss nach dem Datum des Schreibens liegen.", nameof(input));

        var subject = $"Mängelanzeige zur Maßnahme {input.Massnahmenummer} „{input.MassnahmeTitel}“";
        var doc = new DocxLayout(jobcenter, subject, input.Datum) { HeaderText = $"ENTWURF – {jobcenter.Name}", HeaderColor = "C00000" };
        doc.Paragraph($"{jobcenter.Name} · {jobcenter.Anschrift}", size: 16, underline: true, spacingAfter: 120);
        doc.Paragraph(input.Traeger, spacingAfter: 0);
        foreach (var line in input.TraegerAnschrift)
            doc.Paragraph(line, spacingAfter: 0);
        doc.Paragraph("", spacingAfter: 360);

        var right = JustificationValues.Right;
        doc.Paragraph($"Unser Zeichen: {input.Aktenzeichen}", align: right, spacingAfter: 0);
        doc.Paragraph($"Ansprechpartner/in: {input.Sachbearbeitung}", align: right, spacingAfter: 0);
        if (!string.IsNullOrWhiteSpace(input.Telefon))
            doc.Paragraph($"Telefon: {input.Telefon}", align: right, spacingAfter: 0);
        if (!string.IsNullOrWhiteSpace(input.EMail))
            doc.Paragraph($"E-Mail: {input.EMail}", align: right, spacingAfter: 0);
        doc.Paragraph($"{jobcenter.Ort}, {German.Date(input.Datum)}", align: right, spacingAfter: 360);

        doc.Paragraph(subject, bold: true, spacingAfter: 240);
        doc.Paragraph("Sehr geehrte Damen und Herren,");
        doc.Paragraph($"im Rahmen {input.Anlass} haben wir bei der Durchführung der oben genannten Maßnahme die folgenden Mängel festgestellt:");
        doc.Table(["Nr.", "Festgestellter Mangel", "Grundlage", "Zu beheben bis"], [600, 4300, 2500, 1900],
            input.Maengel.Select((d, i) => (IReadOnlyList<string>)
                [(i + 1).ToString(German.Culture), d.Beschreibung, d.Grundlage ?? "–", d.BehebenBis is { } due ? German.Date(due) : "–"]));
        doc.Paragraph("Wir bitten Sie, die Mängel innerhalb der genannten Fristen zu beheben und uns bis zum " +
                      $"{German.Date(input.Stellungnahmefrist)} schriftlich mitzuteilen, welche Maßnahmen Sie dazu ergriffen haben.");
        doc.Paragraph("Werden die Mängel nicht fristgerecht behoben, behalten wir uns die im Vertrag vorgesehenen weiteren Schritte vor.");
        doc.Paragraph("Mit freundlichen Grüßen", spacingAfter: 480);
        doc.Paragraph("Im Auftrag", spacingAfter: 0);
        doc.Paragraph(input.Sachbearbeitung);

        var bytes = doc.Build("Entwurf");
        return new RenderedDocument(BinaryData.FromBytes(bytes), RenderedDocument.DocxType, new FilingTarget(
            input.Traeger, input.Massnahmenummer, FilingCategory.SchriftverkehrMaengel, "Mängelschreiben (Entwurf)", input.Datum,
            "Mängelschreiben Entwurf", "docx"));
    }
}
