using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>Whether a measure exists (the audit route answers 404 for unknown numbers instead of an empty list).</summary>
public sealed class MeasureRepositoryProbe(MeasureRepository measures, TimeProvider time)
{
    public async Task<bool> ExistsAsync(string number, CancellationToken ct) => await measures.GetAsync(number, BerlinCalendar.Today(time), ct) is not null;
}
