using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints.Functions;

public sealed class HealthFunctions(Tables tables)
{
    /// <summary>GET healthz: a point read of the seed marker, cheap, and proves auth + table service work.</summary>
    [Function("healthz"), AllowAnonymous]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest req, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Meta.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("seed", "demo", cancellationToken: cancellationToken);
            return Results.Json(new { status = "ok", storage = "ok" });
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
        {
            return Results.Json(new { status = "degraded", storage = "unreachable", detail = e.Message.Split('\n')[0] }, statusCode: 503);
        }
    }
}
