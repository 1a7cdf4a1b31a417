namespace TeamsAmdl.Domain.Quality;

/// <summary>What can be done with a Mangel; each is one intention-named transition of <see cref="MangelRules"/>.</summary>
public enum MangelAction
{
    /// <summary>Letter with deadline to the Träger (drafted by the Fachkraft S&amp;QS).</summary>
    Stufe1,
    /// <summary>The Träger let the deadline pass (by Koordinator/Betreuer, or the timer the day after the deadline).</summary>
    FristVersaeumt,
    /// <summary>REZ informed: after a missed deadline, or at once for a serious breach.</summary>
    Stufe2,
    /// <summary>Bereichs- und Geschäftsleitung informed.</summary>
    LeitungInformieren,
    /// <summary>The Träger fixed the defect: closed.</summary>
    Behoben,
}
