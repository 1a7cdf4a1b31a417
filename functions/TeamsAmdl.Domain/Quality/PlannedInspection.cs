namespace TeamsAmdl.Domain.Quality;

/// <summary>One regular inspection of the plan: <paramref name="Months"/> after the start (3 or 9), on <paramref name="Date"/>.</summary>
public sealed record PlannedInspection(int Months, DateOnly Date)
{
    /// <summary>The stable id of the slot: the same slot keeps its id when the measure's dates change.</summary>
    public string Id => InspectionPlan.RegularId(Months);
}
