namespace TeamsAmdl.Domain.Quality;

/// <summary>Where an inspection stands: planned, date confirmed by Koordinator or Betreuer, or held and recorded (R-QA-2).</summary>
public enum InspectionStatus
{
    Planned,
    Confirmed,
    Recorded,
}
