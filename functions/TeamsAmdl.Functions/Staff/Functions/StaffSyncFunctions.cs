using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;
using Microsoft.Kiota.Abstractions;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;

namespace TeamsAmdl.Functions.Staffing.Functions;

/// <summary>POST api/staff/sync: the hourly Entra ID sync on demand (the tab's button). Coordinators only.</summary>
public sealed class StaffSyncFunctions(StaffSync sync, ILogger<StaffSyncFunctions> log)
{
    [Function("staff-sync-now"), MaxBody(0)]
    public async Task<IResult> Sync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/sync")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!CurrentUser.From(req.HttpContext.User).Has(StaffRole.Koordinator))
            return ProblemResponses.Problem(403, "forbidden", StaffTexts.CoordinatorsOnly);
        try
        {
            return Results.Json(await sync.RunAsync(cancellationToken));
        }
        catch (ApiException e)
        {
            log.LogWarning(e, "Staff sync failed: Graph answered {Status}", e.ResponseStatusCode);
            return ProblemResponses.Problem(502, "graph_failed", StaffTexts.GraphFailed(e.ResponseStatusCode));
        }
    }
}
