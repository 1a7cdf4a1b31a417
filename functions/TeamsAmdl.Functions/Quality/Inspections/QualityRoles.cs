using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>Who may do what with inspections (R-QA-1/2, R-SEC-2); the Mängel roles are the domain's (<see cref="Domain.Quality.MangelRules"/>).</summary>
public static class QualityRoles
{
    /// <summary>See inspections, Mängel and the calendar.</summary>
    public static bool CanView(CurrentUser u) =>
        u.Has(StaffRole.Koordinator) || u.Has(StaffRole.KoordinierendeFuehrungskraft) || u.Has(StaffRole.Betreuer) ||
        u.Has(StaffRole.FachkraftSqs) || u.Has(StaffRole.Teamleitung) || u.Has(StaffRole.Geschaeftsleitung);

    /// <summary>Confirm, move and record inspections (the Koordinator with the Betreuer, seed 000 §6.1).</summary>
    public static bool CanTrack(CurrentUser u) =>
        u.Has(StaffRole.Koordinator) || u.Has(StaffRole.KoordinierendeFuehrungskraft) || u.Has(StaffRole.Betreuer);

    /// <summary>Announce ad-hoc inspections.</summary>
    public static bool CanAnnounce(CurrentUser u) => u.Has(StaffRole.Koordinator) || u.Has(StaffRole.KoordinierendeFuehrungskraft);

    public static CurrentUser Of(Staff s) => new(s.Id, s.DisplayName, s.Roles);
}
