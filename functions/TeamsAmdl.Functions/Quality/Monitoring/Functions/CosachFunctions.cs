using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Quality.Monitoring.MonitoringContracts;

namespace TeamsAmdl.Functions.Quality.Monitoring.Functions;

/// <summary>COSACH contacts (seed 000 §6, issue 15 item 6): recording a contact, and the month's export as CSV.</summary>
public sealed class CosachFunctions(CosachExport export, ContactStore contacts, StaffRepository staff)
{
    private static readonly StaffRole[] Exporters =
        [StaffRole.FachkraftSqs, StaffRole.Koordinator, StaffRole.KoordinierendeFuehrungskraft, StaffRole.Geschaeftsleitung];

    private static readonly StaffRole[] Recorders = [StaffRole.Koordinator, StaffRole.Betreuer, StaffRole.FachkraftSqs];

    /// <summary>GET api/quality/cosach?month=yyyy-MM: the month's contacts as semicolon CSV (UTF-8 with BOM) to paste into COSACH.</summary>
    [Function("quality-cosach")]
    public async Task<IResult> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/quality/cosach")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!Exporters.Any(CurrentUser.From(req.HttpContext.User).Has)) return ProblemResponses.Problem(403, "forbidden", MonitoringTexts.CosachForbidden);
        string? raw = req.Query["month"];
        if (string.IsNullOrEmpty(raw)) return ProblemResponses.Problem(400, "missing_month", MonitoringTexts.MonthMissing);
        if (ReportMonth.Parse(raw) is not { } month) return ProblemResponses.Problem(400, "invalid_month", MonitoringTexts.InvalidMonth(raw));
        var csv = await export.CsvAsync(month, cancellationToken);
        req.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"cosach-kontakte-{month}.csv\"";
        return Results.Text(csv, "text/csv; charset=utf-8");
    }

    /// <summary>POST api/quality/contacts {measureNumber, date, type}: records a contact by the caller (201; 200 if recorded before).</summary>
    [Function("quality-contact-record"), MaxBody(4096)]
    public async Task<IResult> Record(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/quality/contacts")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!Recorders.Any(CurrentUser.From(req.HttpContext.User).Has)) return ProblemResponses.Problem(403, "forbidden", MonitoringTexts.ContactForbidden);
        var body = await JsonBody.ReadAsync<ContactBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return ProblemResponses.Problem(403, "unknown_user", MonitoringTexts.ContactForbidden);
        var b = body.Value!;
        return (await contacts.RecordAsync(me, new ContactStore.ContactInput(b.MeasureNumber, b.Date, b.Type), cancellationToken)).ToResult(v => v);
    }
}
