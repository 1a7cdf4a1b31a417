using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>A deadline item with its measure and its mark row (null: nothing arrived, nothing sent).</summary>
public sealed record TrackedDeadline(Measure Measure, DeadlineItem Item, DeadlineMark? Mark)
{
    public bool Received => Mark?.ReceivedOn is not null;
}
