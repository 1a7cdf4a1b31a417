namespace TeamsAmdl.Domain.Quality;

/// <summary>Regular (R-QA-1 rhythm, derived from the measure's dates) or announced ad hoc (added by the Koordinator).</summary>
public enum InspectionKind
{
    Regular,
    Adhoc,
}
