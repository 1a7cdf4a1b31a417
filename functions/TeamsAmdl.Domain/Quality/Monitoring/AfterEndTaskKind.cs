namespace TeamsAmdl.Domain.Quality.Monitoring;

/// <summary>The tasks after a measure's end (R-QA-4). Stored by name: do not rename members.</summary>
public enum AfterEndTaskKind
{
    /// <summary>Review the Träger's Abschlussbericht.</summary>
    Abschlussbericht,
    /// <summary>Record the Eingliederungserfolg 6 months after the end.</summary>
    Eingliederungserfolg,
}
