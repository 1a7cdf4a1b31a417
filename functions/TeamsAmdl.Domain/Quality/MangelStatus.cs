namespace TeamsAmdl.Domain.Quality;

/// <summary>States of a Mangel (R-QA-3, seed 000 §6.4). Stored by name: do not rename members.</summary>
public enum MangelStatus
{
    /// <summary>Found at an inspection, nothing sent yet.</summary>
    Erfasst,
    /// <summary>Deeskalationsstufe 1: letter to the Träger with a deadline.</summary>
    Stufe1,
    /// <summary>Deadline missed: the Fachkraft S&amp;QS prepares further decisions.</summary>
    SqsEinbezogen,
    /// <summary>Deeskalationsstufe 2: REZ informed.</summary>
    Stufe2,
    /// <summary>Bereichs- und Geschäftsleitung informed (after Stufe 2).</summary>
    LeitungInformiert,
    /// <summary>Fixed: closed.</summary>
    Behoben,
}
