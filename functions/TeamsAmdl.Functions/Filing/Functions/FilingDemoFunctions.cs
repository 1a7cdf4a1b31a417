using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Filing.Functions;

public sealed class FilingDemoFunctions(FilingDemo demo)
{
    /// <summary>POST api/dev/filing/demo (?measure=, Development only): one document of each kind queued for filing.</summary>
    [Function("dev-filing-demo"), AllowAnonymous, DevelopmentOnly, MaxBody(0)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dev/filing/demo")] HttpRequest req, CancellationToken cancellationToken)
    {
        string? measure = req.Query["measure"];
        var run = await demo.RunAsync(string.IsNullOrEmpty(measure) ? null : measure, cancellationToken);
        return run is null
            ? ProblemResponses.Problem(404, "unknown_measure", FilingTexts.UnknownDemoMeasure(measure))
            : Results.Json(run);
    }
}
