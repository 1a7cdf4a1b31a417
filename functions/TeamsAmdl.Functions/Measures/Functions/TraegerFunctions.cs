using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;
using static TeamsAmdl.Functions.Measures.MeasureContracts;

namespace TeamsAmdl.Functions.Measures.Functions;

/// <summary>Träger: every staff member may list them (no customer data), coordinators create them.</summary>
public sealed class TraegerFunctions(TraegerAdmin traeger)
{
    /// <summary>GET api/traeger, by name.</summary>
    [Function("traeger-list")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/traeger")] HttpRequest req, CancellationToken cancellationToken) =>
        Results.Json(await traeger.ListAsync(cancellationToken));

    /// <summary>POST api/traeger → 201.</summary>
    [Function("traeger-create")]
    public async Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/traeger")] HttpRequest req, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TraegerBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        return (await traeger.CreateAsync(req.Caller(), body.Value!, cancellationToken)).ToResult();
    }
}
