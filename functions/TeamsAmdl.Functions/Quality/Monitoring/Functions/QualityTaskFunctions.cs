using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Quality.Monitoring.MonitoringContracts;

namespace TeamsAmdl.Functions.Quality.Monitoring.Functions;

/// <summary>The tasks after a measure's end (R-QA-4): the caller's list and completing one.</summary>
public sealed class QualityTaskFunctions(AfterEndTasks tasks, StaffRepository staff)
{
    /// <summary>GET api/quality/tasks (?done=true includes done ones): the caller's after-end tasks, earliest due first.</summary>
    [Function("quality-tasks")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/quality/tasks")] HttpRequest req, CancellationToken cancellationToken)
    {
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return ProblemResponses.Problem(403, "unknown_user", MonitoringTexts.TaskForbidden);
        var includeDone = string.Equals(req.Query["done"], "true", StringComparison.OrdinalIgnoreCase);
        return Results.Json(await tasks.ListAsync(me, includeDone, cancellationToken));
    }

    /// <summary>
    /// POST api/quality/tasks/{measure}/{task}/complete ({integrated, notIntegrated} for task Eingliederungserfolg; {} or no
    /// body for Abschlussbericht): 200 with the done task; 404/403/400/409 as <see cref="AfterEndTasks.CompleteAsync"/>.
    /// </summary>
    [Function("quality-task-complete"), MaxBody(1024)]
    public async Task<IResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/quality/tasks/{measure}/{task}/complete")] HttpRequest req,
        string measure, string task, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CompleteBody>(req, cancellationToken, optional: true);
        if (body.Problem is { } problem) return problem;
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return ProblemResponses.Problem(403, "unknown_user", MonitoringTexts.TaskForbidden);
        var outcome = await tasks.CompleteAsync(me, measure, task, body.Value?.Integrated, body.Value?.NotIntegrated, cancellationToken);
        return outcome.Ok
            ? Results.Json(View(outcome.Value!.Task))
            : ProblemResponses.Problem(outcome.Status, outcome.Code!, outcome.Message!);
    }
}
