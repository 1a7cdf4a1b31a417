using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.FreePlacesContracts;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

/// <summary>
/// The work of the free-place timers (<see cref="FreePlaceTimers"/>) on demand, for coordinators (operators, tests):
/// the DIA-AM entry-date scan and sending the alerts that are due.
/// </summary>
public sealed class FreePlaceJobFunctions(StaffRepository staff, FreePlaceOperations ops, AlertFlusher flusher)
{
    /// <summary>POST api/freeplaces/scan-entry-dates.</summary>
    [Function("fp-scan-entry-dates"), MaxBody(0)]
    public async Task<IResult> ScanEntryDates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/freeplaces/scan-entry-dates")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        if (!me.Has(StaffRole.Koordinator)) return CoordinatorsOnly();
        return Results.Json(await ops.ScanDiaAmEntryDatesAsync(cancellationToken));
    }

    /// <summary>POST api/freeplaces/flush-due.</summary>
    [Function("fp-flush-due"), MaxBody(0)]
    public async Task<IResult> FlushDue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/freeplaces/flush-due")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        if (!me.Has(StaffRole.Koordinator)) return CoordinatorsOnly();
        return Results.Json(new FlushView(await flusher.FlushDueAsync(cancellationToken)));
    }
}
