using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Bot.Functions;

/// <summary>
/// The bot's outbox for the people who look after deliveries (the same roles as the e-Akte jobs). By default the
/// messages that need attention (Failed: Teams refused them, e.g. the user blocked the bot; Parked: gave up, or in
/// doubt and could not be checked).
/// </summary>
public sealed class OutboxFunctions(Proactive proactive, OutboxPoison poison)
{
    private const int DefaultMax = 200, MaxMax = 1000;

    private static readonly StaffRole[] Allowed =
        [StaffRole.Koordinator, StaffRole.FachkraftSqs, StaffRole.KoordinierendeFuehrungskraft, StaffRole.Geschaeftsleitung];

    /// <summary>
    /// GET api/outbox[?status=Pending|Sending|Sent|Failed|Parked][&amp;max=200][&amp;continuation=]: filtered on the status and
    /// paged on the server (header X-Continuation-Token); without a status the messages that need attention (Failed,
    /// Parked), newest first within the page.
    /// </summary>
    [Function("outbox")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/outbox")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (Forbidden(req) is { } denied) return denied;
        var (page, problem) = PageQuery.From(req, DefaultMax, MaxMax);
        if (problem is not null) return problem;
        string? status = req.Query["status"];
        OutboxStatus[] statuses = [OutboxStatus.Failed, OutboxStatus.Parked];
        if (!string.IsNullOrEmpty(status))
        {
            if (!EnumNames.TryParse<OutboxStatus>(status, out var s))
                return ProblemResponses.Problem(400, "unknown_status",
                    $"Unbekannter Status „{status}“. Erlaubt: {string.Join(", ", Enum.GetNames<OutboxStatus>())}.");
            statuses = [s];
        }
        var entries = await proactive.Outbox.ListPageAsync(statuses, page!.Max, page.Continuation, cancellationToken);
        if (entries is null) return PageQuery.InvalidContinuation();
        if (string.IsNullOrEmpty(status)) entries = entries with { Items = entries.Items.OrderByDescending(e => e.CompletedAt).ToList() };
        return PageQuery.Json(req, entries, BotContracts.View);
    }

    /// <summary>POST api/outbox/requeue {messageKey}: a Failed or Parked message back into the queue.</summary>
    [Function("outbox-requeue")]
    public async Task<IResult> Requeue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/outbox/requeue")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (Forbidden(req) is { } denied) return denied;
        var (key, problem) = await MessageKeyAsync(req, cancellationToken);
        if (problem is not null) return problem;
        var entry = await proactive.Outbox.GetAsync(key, cancellationToken);
        if (entry is null)
            return ProblemResponses.Problem(404, "unknown_message", $"Die Nachricht „{key}“ gibt es nicht.");
        if (!await proactive.Outbox.RequeueAsync(key, cancellationToken))
            return ProblemResponses.Problem(409, "not_requeueable",
                $"Nur fehlgeschlagene oder geparkte Nachrichten lassen sich erneut senden; diese ist {Label(entry.Status)}.");
        return Results.Json(BotContracts.View((await proactive.Outbox.GetAsync(key, cancellationToken))!));
    }

    /// <summary>GET api/outbox/poison: queue messages the host gave up on (their function threw on every receive).</summary>
    [Function("outbox-poison")]
    public async Task<IResult> Poisoned(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/outbox/poison")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (Forbidden(req) is { } denied) return denied;
        return Results.Json(await poison.ListAsync(cancellationToken));
    }

    /// <summary>POST api/outbox/poison/requeue {messageKey}: the poisoned message of that key back into the outbox queue, once.</summary>
    [Function("outbox-poison-requeue")]
    public async Task<IResult> RequeuePoisoned(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/outbox/poison/requeue")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (Forbidden(req) is { } denied) return denied;
        var (key, problem) = await MessageKeyAsync(req, cancellationToken);
        if (problem is not null) return problem;
        var moved = await poison.RequeueAsync(key, cancellationToken);
        if (moved == 0)
            return ProblemResponses.Problem(404, "not_poisoned", $"Für „{key}“ liegt keine aufgegebene Warteschlangen-Nachricht vor.");
        return Results.Json(new BotContracts.PoisonRequeued(key, moved));
    }

    /// <summary>The body {messageKey} of both requeue routes.</summary>
    private static async Task<(string Key, IResult? Problem)> MessageKeyAsync(HttpRequest req, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<BotContracts.RequeueRequest>(req, ct, optional: true);
        if (body.Problem is { } problem) return ("", problem);
        var key = body.Value?.MessageKey?.Trim();
        return string.IsNullOrEmpty(key) || key.Length > 512
            ? ("", ProblemResponses.Problem(400, "missing_message_key", "Bitte den Schlüssel der Nachricht („messageKey“) angeben."))
            : (key, null);
    }

    /// <summary>A status as people read it (the enum names are for machines).</summary>
    private static string Label(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "noch nicht gesendet",
        OutboxStatus.Sending => "gerade in Zustellung",
        OutboxStatus.Sent => "bereits gesendet",
        OutboxStatus.Failed => "fehlgeschlagen",
        _ => "geparkt",
    };

    private static IResult? Forbidden(HttpRequest req) =>
        Allowed.Any(CurrentUser.From(req.HttpContext.User).Has)
            ? null
            : ProblemResponses.Problem(403, "forbidden",
                "Die Zustellungen des Bots sehen nur Koordination, Fachkräfte SQS, koordinierende Führungskräfte und Geschäftsleitung.");
}
