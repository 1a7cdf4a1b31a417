using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints;

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (Tables tables, CancellationToken ct) =>
        {
            try
            {
                // A point read of the seed marker: cheap, and proves auth + table service work.
                await tables.Meta.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("seed", "demo", cancellationToken: ct);
                return Results.Json(new { status = "ok", storage = "ok" });
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
            {
                return Results.Json(new { status = "degraded", storage = "unreachable", detail = e.Message.Split('\n')[0] }, statusCode: 503);
            }
        }).AllowAnonymous();
}
