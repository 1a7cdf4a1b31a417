using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Quality.Inspections.Functions;

/// <summary>Inspections of a measure (R-QA-1, R-QA-2); the roles are checked by <see cref="InspectionService"/>.</summary>
public sealed class InspectionFunctions(InspectionService inspections)
{
    /// <summary>GET api/measures/{number}/inspections → [{"date":"yyyy-MM-dd","kind":"regular"|"adhoc","status":"planned"|"confirmed"|"recorded",…}].</summary>
    [Function("quality-inspections")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/measures/{number}/inspections")] HttpRequest req, string number,
        CancellationToken cancellationToken) =>
        (await inspections.ListAsync(Caller(req), number, cancellationToken)).ToResult(v => v);

    /// <summary>POST api/measures/{number}/inspections {date, note}: an announced ad-hoc inspection (Koordination) → 201.</summary>
    [Function("quality-inspection-adhoc")]
    public async Task<IResult> AddAdhoc(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/inspections")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<NewAdhocInspection>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        return (await inspections.AddAdhocAsync(Caller(req), number, body.Value!, cancellationToken)).ToResult(v => v);
    }

    /// <summary>POST api/measures/{number}/inspections/{id}/confirm: "Termin bestätigen".</summary>
    [Function("quality-inspection-confirm"), MaxBody(0)]
    public async Task<IResult> Confirm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/inspections/{id}/confirm")] HttpRequest req, string number,
        string id, CancellationToken cancellationToken) =>
        (await inspections.ConfirmAsync(Caller(req), number, id, cancellationToken)).ToResult(v => v);

    /// <summary>POST api/measures/{number}/inspections/{id}/reschedule {date}: "Termin verschieben".</summary>
    [Function("quality-inspection-reschedule")]
    public async Task<IResult> Reschedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/inspections/{id}/reschedule")] HttpRequest req, string number,
        string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RescheduleBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        return (await inspections.RescheduleAsync(Caller(req), number, id, body.Value!.Date, cancellationToken)).ToResult(v => v);
    }

    /// <summary>POST api/measures/{number}/inspections/{id}/record {date, attendees, findings, contactType, maengel}: R-QA-2.</summary>
    [Function("quality-inspection-record")]
    public async Task<IResult> Record(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/inspections/{id}/record")] HttpRequest req, string number,
        string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RecordInspectionBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        return (await inspections.RecordAsync(Caller(req), number, id, body.Value!, cancellationToken)).ToResult(v => v);
    }

    internal static CurrentUser Caller(HttpRequest req) => CurrentUser.From(req.HttpContext.User);
}
