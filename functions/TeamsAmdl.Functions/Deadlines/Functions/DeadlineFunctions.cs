using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Deadlines.DeadlineContracts;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;

namespace TeamsAmdl.Functions.Deadlines.Functions;

/// <summary>
/// Fristen (SPEC §8, issue 16): the caller's deadlines, the Betreuer's tick "eingegangen", and the LAP Träger's monthly
/// contact report as CSV.
/// </summary>
public sealed class DeadlineFunctions(StaffRepository staff, DeadlineService deadlines, ContactImport contacts, Expectations expectations,
    TeamOverdue teamOverdue, ContactList contactList)
{
    private static readonly string[] CsvTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];

    /// <summary>GET api/deadlines: what is due, overdue and done for the caller (Betreuer/Koordination: their measures; IFK: own customers).</summary>
    [Function("deadlines-mine")]
    public async Task<IResult> Mine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deadlines")] HttpRequest req, CancellationToken cancellationToken) =>
        await MeAsync(req, staff, cancellationToken) is { } me
            ? Results.Json(await deadlines.MineAsync(me, cancellationToken))
            : Unknown();

    /// <summary>
    /// GET api/deadlines/overdue?team=: the overdue list per team (R-TN-2), per measure with counts per kind. Own team for
    /// everyone; any team, or all without ?team=, for Koordination, koordinierende Führungskräfte and Geschäftsführung.
    /// </summary>
    [Function("deadlines-overdue")]
    public async Task<IResult> Overdue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deadlines/overdue")] HttpRequest req, CancellationToken cancellationToken) =>
        await MeAsync(req, staff, cancellationToken) is { } me
            ? (await teamOverdue.ListAsync(me, req.Query["team"], cancellationToken)).ToResult(v => v)
            : Unknown();

    /// <summary>POST api/deadlines/{number}/received {key}: the item arrived (Betreuer and Koordination of the measure).</summary>
    [Function("deadlines-received")]
    public async Task<IResult> Received(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deadlines/{number}/received")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ReceivedBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        if (await MeAsync(req, staff, cancellationToken) is not { } me) return Unknown();
        return (await deadlines.MarkReceivedAsync(me, number, body.Value!.Key, cancellationToken)).ToResult(v => v);
    }

    /// <summary>POST api/deadlines/{number}/expectations {customerRef, expectation, targetDate}: the Erwartungsbogen (R-TN-1), 201.</summary>
    [Function("deadlines-expectation")]
    public async Task<IResult> Expectation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deadlines/{number}/expectations")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ExpectationBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        if (await MeAsync(req, staff, cancellationToken) is not { } me) return Unknown();
        return (await expectations.RecordAsync(me, number, body.Value!, cancellationToken)).ToResult(v => v);
    }

    /// <summary>POST api/deadlines/{number}/contacts (text/csv): the LAP Träger's contacts per participant and month (R-TN-3).</summary>
    [Function("deadlines-contacts"), MaxBody(ContactImport.MaxBytes)]
    public async Task<IResult> Contacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deadlines/{number}/contacts")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        if (req.ContentType is { Length: > 0 } type && !CsvTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            return ProblemResponses.Problem(415, "unsupported_media_type", DeadlineTexts.ContactsMediaType);
        if (await MeAsync(req, staff, cancellationToken) is not { } me) return Unknown();
        using var buffer = new MemoryStream();
        await req.Body.CopyToAsync(buffer, cancellationToken); // capped by MaxBody before the function runs
        return (await contacts.RunAsync(me, number, buffer.ToArray(), cancellationToken)).ToResult(v => v);
    }

    /// <summary>GET api/deadlines/contacts: the caller's LAP measures with participants and recorded months (R-TN-3, the tab's form).</summary>
    [Function("deadlines-contacts-list")]
    public async Task<IResult> ContactMonths(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deadlines/contacts")] HttpRequest req, CancellationToken cancellationToken) =>
        await MeAsync(req, staff, cancellationToken) is { } me
            ? Results.Json(await contactList.ListAsync(me, cancellationToken))
            : Unknown();

    /// <summary>
    /// POST api/deadlines/{number}/contacts/entry {customerRef, month, personal, note}: one month's personal contacts entered in
    /// the tab (R-TN-3), checked like a CSV line; nothing stored on any problem.
    /// </summary>
    [Function("deadlines-contacts-entry")]
    public async Task<IResult> ContactEntry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deadlines/{number}/contacts/entry")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ContactEntryBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        if (await MeAsync(req, staff, cancellationToken) is not { } me) return Unknown();
        return (await contacts.EnterAsync(me, number, body.Value!, cancellationToken)).ToResult(v => v);
    }
}
