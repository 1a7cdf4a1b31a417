using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Filing;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints.Functions;

/// <summary>
/// GET healthz: 200 {"status":"ok"} when the app can do its work; otherwise <b>503</b> {"status":"degraded"} naming each
/// unusable dependency (storage unreachable, required settings missing — Auth, Bot, Storage —, e-Akte settings unusable)
/// with German lines in "problems". 503 and not 200, so that the deploy check (<c>curl -f</c>, infra/README.md) and
/// the platform's health check see it. A demo installation's held filing (no Graph settings yet) is reported, not degraded.
/// </summary>
public sealed class HealthFunctions(Tables tables, RequiredSettings settings, FilingState filing)
{
    [Function("healthz"), AllowAnonymous]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest req, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var storage = "ok";
        try
        {
            // A point read of the seed marker: cheap, and proves auth + table service work.
            await tables.Meta.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("seed", "demo", cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
        {
            storage = "unreachable";
            problems.Add($"Speicher nicht erreichbar: {e.Message.Split('\n')[0]}");
        }
        var missing = settings.Missing();
        if (missing.Count > 0) problems.Add($"Es fehlen Einstellungen: {string.Join(", ", missing)}.");
        if (filing.Mode == FilingMode.Misconfigured) problems.Add(filing.Problem!);

        var body = new HealthReport(problems.Count == 0 ? "ok" : "degraded", storage,
            missing.Count == 0 ? "ok" : "missing", missing, filing.Mode.ToString(), problems);
        return Results.Json(body, statusCode: problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
