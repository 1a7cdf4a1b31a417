using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// Everything a measure's partition holds, read for an edit: the measure row (its ETag guards the write), all
/// participations (ended ones too: a new start must not pass an old entry) and the entry dates of held places.
/// </summary>
public sealed record MeasurePartition(MeasureEntity Row, Measure Measure, IReadOnlyList<Participation> Participations,
    IReadOnlyList<DateOnly> HeldEntries)
{
    public DateOnly? ClosedOn => StoredDate.ReadNullable(Row.ClosedOn);

    /// <summary>Participants still in (or yet to enter) on or after <paramref name="today"/>.</summary>
    public int ActiveFrom(DateOnly today) => Participations.Count(p => p.Exit is null || p.Exit >= today);
}
