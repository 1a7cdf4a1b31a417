namespace TeamsAmdl.Functions.Measures;

/// <summary>A column of the Maßnahmeübersicht: the body field it fills, its header, whether it is required, other headers accepted.</summary>
public sealed record ImportColumn(string Field, string Header, bool Required, params string[] Aliases)
{
    /// <summary>The columns, in the order of the template (Measures/README.md). Headers match case-insensitively; a trailing "*" is ignored.</summary>
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("number", "Maßnahmenummer", true, "Maßnahme-Nr.", "Maßnahmenr.", "Vergabenummer"),
        new("title", "Maßnahmetitel", true, "Maßnahmebezeichnung", "Bezeichnung", "Titel"),
        new("kind", "Maßnahmeart", true, "Art"),
        new("legalBasis", "Rechtsgrundlage", false),
        new("traegerId", "Träger", true, "Maßnahmeträger", "Träger-ID"),
        new("location", "Maßnahmeort", true, "Ort"),
        new("start", "Maßnahmebeginn", true, "Beginn"),
        new("end", "Maßnahmeende", true, "Ende"),
        new("places", "Plätze", false, "Platzzahl", "Gesamtplatzzahl"),
        new("minimumPlaces", "Mindestplatzzahl", false),
        new("maxOccupancy", "Höchstbelegung", false),
        new("averageOccupancy", "Durchschnittsbelegung", false),
        new("teilnahmemonate", "Teilnahmemonate", false, "TM-Kontingent"),
        new("betreuerId", "Maßnahmebetreuer", true, "Maßnahmebetreuer/in", "Betreuer", "Betreuung"),
        new("koordinatorId", "Maßnahmekoordinator", false, "Maßnahmekoordinator/in", "Koordinator", "Koordination"),
        new("teamId", "Team", false),
        new("targetGroup", "Zielgruppe", false),
    ];

    public bool Matches(string header)
    {
        var h = string.Join(' ', header.Trim().TrimEnd('*').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return h.Equals(Header, StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => h.Equals(a, StringComparison.OrdinalIgnoreCase));
    }
}
