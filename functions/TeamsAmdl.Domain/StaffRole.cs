namespace TeamsAmdl.Domain;

/// <summary>Roles of SPEC §1. A staff member can hold several (e.g. Betreuer and Bewerter). Stored by name.</summary>
public enum StaffRole
{
    Koordinator,
    Betreuer,
    Ifk,
    Bewerter,
    FachkraftSqs,
    Teamleitung,
    KoordinierendeFuehrungskraft,
    Geschaeftsleitung,
}
