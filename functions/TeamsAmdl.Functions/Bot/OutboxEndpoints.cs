using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// The bot's outbox for the people who look after deliveries (the same roles as the e-Akte jobs):
/// GET /api/outbox[?status=Pending|Sending|Sent|Failed|Parked][&amp;max=200] — messages, by default those that need
/// attention (Failed: Teams refused them, e.g. the user blocked the bot; Parked: gave up, or in doubt and could not be
/// checked); POST /api/outbox/requeue {messageKey} — a Failed or Parked message back into the queue.
/// </summary>
public static class OutboxEndpoints
{
    private const int DefaultMax = 200, MaxMax = 1000;

    private static readonly StaffRole[] Allowed =
        [StaffRole.Koordinator, StaffRole.FachkraftSqs, StaffRole.KoordinierendeFuehrungskraft, StaffRole.Geschaeftsleitung];

    public sealed record RequeueRequest(string? MessageKey);

    public static void MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/outbox").RequireAuthorization();

        api.MapGet("", async (string? status, int? max, HttpContext ctx, Proactive proactive, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            var limit = max ?? DefaultMax;
            if (limit is < 1 or > MaxMax)
                return ProblemResponses.Problem(400, "invalid_max", $"„max“ muss zwischen 1 und {MaxMax} liegen.");
            if (string.IsNullOrEmpty(status))
            {
                var failed = await proactive.Outbox.ListAsync(OutboxStatus.Failed, limit, ct);
                var parked = await proactive.Outbox.ListAsync(OutboxStatus.Parked, limit - failed.Count, ct);
                return Results.Json(failed.Concat(parked).OrderByDescending(e => e.CompletedAt).Select(View));
            }
            if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
                return ProblemResponses.Problem(400, "unknown_status",
                    $"Unbekannter Status „{status}“. Erlaubt: {string.Join(", ", Enum.GetNames<OutboxStatus>())}.");
            return Results.Json((await proactive.Outbox.ListAsync(s, limit, ct)).Select(View));
        });

        api.MapPost("/requeue", async (RequeueRequest? body, HttpContext ctx, Proactive proactive, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            var key = body?.MessageKey?.Trim();
            if (string.IsNullOrEmpty(key) || key.Length > 512)
                return ProblemResponses.Problem(400, "missing_message_key", "Bitte den Schlüssel der Nachricht („messageKey“) angeben.");
            var entry = await proactive.Outbox.GetAsync(key, ct);
            if (entry is null)
                return ProblemResponses.Problem(404, "unknown_message", $"Die Nachricht „{key}“ gibt es nicht.");
            if (!await proactive.Outbox.RequeueAsync(key, ct))
                return ProblemResponses.Problem(409, "not_requeueable",
                    $"Nur fehlgeschlagene oder geparkte Nachrichten lassen sich erneut senden; diese hat den Status {entry.Status}.");
            return Results.Json(View((await proactive.Outbox.GetAsync(key, ct))!));
        });
    }

    private static IResult? Forbidden(HttpContext ctx) =>
        Allowed.Any(CurrentUser.From(ctx.User).Has)
            ? null
            : ProblemResponses.Problem(403, "forbidden",
                "Die Zustellungen des Bots sehen nur Koordination, Fachkräfte SQS, koordinierende Führungskräfte und Geschäftsleitung.");

    private static object View(OutboxEntry e) => new
    {
        messageKey = e.MessageKey,
        status = e.Status.ToString(),
        attempts = e.Attempts,
        inDoubtResends = e.InDoubtResends,
        inDoubtReadBacks = e.InDoubtReadBacks,
        foundByReadBack = e.FoundByReadBack,
        enqueuedAt = e.EnqueuedAt,
        lastAttemptAt = e.LastAttemptAt,
        sentAt = e.SentAt,
        completedAt = e.CompletedAt,
        lastErrorCode = e.LastErrorCode,
        lastError = e.LastError,
        lastHttpStatus = e.LastHttpStatus,
    };
}
