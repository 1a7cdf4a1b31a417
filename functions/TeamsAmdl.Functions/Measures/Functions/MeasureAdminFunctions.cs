using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;
using static TeamsAmdl.Functions.Measures.MeasureContracts;

namespace TeamsAmdl.Functions.Measures.Functions;

/// <summary>Create, edit and close measures (issue 13). Coordinators only; reading stays with GET api/measures[/{number}].</summary>
public sealed class MeasureAdminFunctions(MeasureAdmin admin)
{
    /// <summary>POST api/measures → 201 with the measure view.</summary>
    [Function("measure-create")]
    public async Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures")] HttpRequest req, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<MeasureBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        return (await admin.CreateAsync(req.Caller(), body.Value!, cancellationToken)).ToResult();
    }

    /// <summary>PUT api/measures/{number}: fields left out keep their value.</summary>
    [Function("measure-update")]
    public async Task<IResult> Update(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/measures/{number}")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<MeasureBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        return (await admin.UpdateAsync(req.Caller(), number, body.Value!, cancellationToken)).ToResult();
    }

    /// <summary>POST api/measures/{number}/close: archive (never delete).</summary>
    [Function("measure-close"), MaxBody(0)]
    public async Task<IResult> Close(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/close")] HttpRequest req, string number,
        CancellationToken cancellationToken) =>
        (await admin.CloseAsync(req.Caller(), number, cancellationToken)).ToResult();
}
