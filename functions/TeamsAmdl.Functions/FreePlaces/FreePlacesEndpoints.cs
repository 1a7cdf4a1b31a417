using System.Text.Json.Serialization;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// HTTP API of the free-place feature (the cards are the main way in; this is for the Teams tab, operators and
/// tests). Every route needs an authenticated staff member; errors are problem JSON with a German title.
/// </summary>
public static class FreePlacesEndpoints
{
    public sealed record SubscriptionBody(string[]? Teams, string[]? Locations, string[]? Kinds, bool? Enabled);
    public sealed record ExitBody(string? CustomerRef, DateOnly? ExitDate, string? Reason);
    public sealed record CapacityBody(int? Places);
    public sealed record RequestBody(string? CustomerRef, string? Note);
    public sealed record DecisionBody(string? Reason);

    public sealed record SubscriptionView(string IfkId, IReadOnlyList<string> Teams, IReadOnlyList<string> Locations, IReadOnlyList<string> Kinds,
        IReadOnlyList<string> Muted, bool Enabled, bool IsDefault);

    public sealed record RequestView(string Measure, string Id, string CustomerRef, string Status, DateOnly? EntryDate, DateTimeOffset RequestedAt,
        string IfkId, string? Note, string? DecidedBy, DateTimeOffset? DecidedAt, string? DeclineReason, bool FromWaitlist,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? WaitlistPosition = null)
    {
        public static RequestView From(PlaceRequestEntity r, int? position = null) => new(r.PartitionKey, r.RowKey, r.CustomerRef, r.Status, r.Entry,
            r.RequestedAt, r.IfkId, r.Note, r.DecidedBy, r.DecidedAt, r.DeclineReason, r.FromWaitlist, position);
    }

    public static void MapFreePlacesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();

        api.MapGet("/freeplaces/subscription", async (HttpContext http, StaffRepository staff, SubscriptionRepository subs, CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            return me is null ? Unknown() : Results.Json(View(await subs.GetAsync(me, ct)));
        });

        api.MapPut("/freeplaces/subscription", async (SubscriptionBody body, HttpContext http, StaffRepository staff, SubscriptionRepository subs,
            CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            var current = await subs.GetAsync(me, ct);
            FreePlaceSubscription updated;
            try
            {
                updated = body.Teams is null && body.Locations is null && body.Kinds is null
                    ? current with { Enabled = body.Enabled ?? current.Enabled }
                    : FreePlaceSubscription.Create(me.Id, body.Teams, body.Locations, body.Kinds, current.MutedMeasures, body.Enabled ?? current.Enabled);
            }
            catch (DomainValidationException e)
            {
                return ProblemResponses.Problem(400, "invalid_input", e.Message);
            }
            await subs.SaveAsync(updated, ct);
            return Results.Json(View(updated));
        });

        api.MapPut("/freeplaces/subscription/mutes/{number}", (string number, HttpContext http, StaffRepository staff, SubscriptionRepository subs,
            CancellationToken ct) => MuteAsync(number, true, http, staff, subs, ct));
        api.MapDelete("/freeplaces/subscription/mutes/{number}", (string number, HttpContext http, StaffRepository staff, SubscriptionRepository subs,
            CancellationToken ct) => MuteAsync(number, false, http, staff, subs, ct));

        api.MapPost("/measures/{number}/exits", async (string number, ExitBody body, HttpContext http, StaffRepository staff, FreePlaceOperations ops,
            CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            if (!Enum.TryParse<ExitReason>(body.Reason ?? nameof(ExitReason.RegulaeresEnde), true, out var reason) || !Enum.IsDefined(reason)
                || int.TryParse(body.Reason, out _))
                return ProblemResponses.Problem(400, "invalid_input",
                    $"Unbekannter Austrittsgrund „{body.Reason}“. Erlaubt: {string.Join(", ", Enum.GetNames<ExitReason>())}.");
            return Result(await ops.RecordExitAsync(me, number, body.CustomerRef, body.ExitDate, reason, ct));
        });

        api.MapPut("/measures/{number}/capacity", async (string number, CapacityBody body, HttpContext http, StaffRepository staff,
            FreePlaceOperations ops, CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            if (body.Places is not { } places)
                return ProblemResponses.Problem(400, "invalid_input", "Die Platzzahl fehlt.");
            return Result(await ops.ChangeCapacityAsync(me, number, places, ct));
        });

        api.MapPost("/measures/{number}/open-for-assignment", async (string number, HttpContext http, StaffRepository staff, FreePlaceOperations ops,
            CancellationToken ct) => await MeAsync(http, staff, ct) is { } me ? Result(await ops.OpenForAssignmentAsync(me, number, ct)) : Unknown());

        api.MapPost("/measures/{number}/weekly-free-places", async (string number, HttpContext http, StaffRepository staff, FreePlaceOperations ops,
            CancellationToken ct) => await MeAsync(http, staff, ct) is { } me ? Result(await ops.WeeklyInputAsync(me, number, ct)) : Unknown());

        api.MapPost("/measures/{number}/requests", async (string number, RequestBody body, HttpContext http, StaffRepository staff,
            PlaceRequestService requests, CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            var outcome = await requests.RequestAsync(me, number, body.CustomerRef, body.Note, null, null, ct);
            if (!outcome.Ok) return Problem(outcome);
            return Results.Json(RequestView.From(outcome.Request!), statusCode: outcome.Request!.State == PlaceRequestStatus.Refused ? 409 : 201);
        });

        api.MapGet("/measures/{number}/waitlist", async (string number, HttpContext http, StaffRepository staff, MeasureRepository measures,
            PlaceRequestRepository requests, TimeProvider time, CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            var state = PlaceRequestRepository.IsSafeKey(number) ? await measures.GetAsync(number, BerlinCalendar.Today(time), ct) : null;
            if (state is null) return ProblemResponses.Problem(404, "unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht.");
            var waiting = await requests.WaitingAsync(number, ct);
            // R-SEC-2: deciders see the whole list; an IFK only their own entries (with their position).
            var visible = PlaceRequestService.CanDecide(me, state.Measure) ? waiting : waiting.Where(w => w.IfkId == me.Id);
            return Results.Json(visible.Select(w => RequestView.From(w, waiting.ToList().IndexOf(w) + 1)));
        });

        api.MapGet("/freeplaces/requests", async (HttpContext http, StaffRepository staff, MeasureRepository measures, PlaceRequestRepository requests,
            TimeProvider time, CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            IEnumerable<PlaceRequestEntity> visible;
            if (me.Has(StaffRole.Koordinator))
                visible = await requests.ListAllAsync(ct);
            else
            {
                var mine = (await measures.ListAsync(BerlinCalendar.Today(time), ct))
                    .Where(s => s.Measure.BetreuerId == me.Id || s.Measure.KoordinatorId == me.Id).Select(s => s.Measure.Number).ToHashSet();
                visible = (await requests.ListAllAsync(ct)).Where(r => r.IfkId == me.Id || mine.Contains(r.PartitionKey));
            }
            return Results.Json(visible.Select(r => RequestView.From(r)));
        });

        api.MapPost("/freeplaces/requests/{number}/{id}/{action}", async (string number, string id, string action, DecisionBody? body, HttpContext http,
            StaffRepository staff, PlaceRequestService requests, FreePlaceOperations ops, CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            var outcome = action switch
            {
                "confirm" => await requests.ConfirmAsync(me, number, id, viaCard: false, ct),
                "decline" => (await ops.DeclineAsync(me, number, id, body?.Reason, viaCard: false, ct)).Request,
                "withdraw" => (await ops.WithdrawAsync(me, number, id, null, ct)).Request,
                "waitlist" => await requests.JoinWaitlistAsync(me, number, id, null, ct),
                _ => RequestOutcome.Fail("unknown_action", $"Unbekannte Aktion „{action}“. Erlaubt: confirm, decline, withdraw, waitlist."),
            };
            return outcome.Ok ? Results.Json(RequestView.From(outcome.Request!)) : Problem(outcome);
        });

        api.MapPost("/freeplaces/scan-entry-dates", async (HttpContext http, StaffRepository staff, FreePlaceOperations ops, CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            if (!me.Has(StaffRole.Koordinator)) return ProblemResponses.Problem(403, "forbidden", "Das darf nur die Koordination.");
            return Results.Json(await ops.ScanDiaAmEntryDatesAsync(ct));
        });

        api.MapPost("/freeplaces/flush-due", async (HttpContext http, StaffRepository staff, AlertFlusher flusher, CancellationToken ct) =>
        {
            var me = await MeAsync(http, staff, ct);
            if (me is null) return Unknown();
            if (!me.Has(StaffRole.Koordinator)) return ProblemResponses.Problem(403, "forbidden", "Das darf nur die Koordination.");
            return Results.Json(new { flushed = await flusher.FlushDueAsync(ct) });
        });
    }

    private static async Task<IResult> MuteAsync(string number, bool muted, HttpContext http, StaffRepository staff, SubscriptionRepository subs,
        CancellationToken ct)
    {
        var me = await MeAsync(http, staff, ct);
        if (me is null) return Unknown();
        if (!PlaceRequestRepository.IsSafeKey(number)) return ProblemResponses.Problem(400, "invalid_input", "Ungültige Maßnahmenummer.");
        try
        {
            return Results.Json(View(await subs.SetMutedAsync(me, [number], muted, ct)));
        }
        catch (DomainValidationException e)
        {
            return ProblemResponses.Problem(400, "invalid_input", e.Message);
        }
    }

    private static async Task<Staff?> MeAsync(HttpContext http, StaffRepository staff, CancellationToken ct) =>
        await staff.GetAsync(CurrentUser.From(http.User).StaffId, ct);

    private static IResult Unknown() => ProblemResponses.Problem(403, "unknown_user", "Ihr Konto ist keinem Mitarbeitenden des Jobcenters zugeordnet.");

    private static SubscriptionView View(FreePlaceSubscription s) => new(s.IfkId, s.Teams.Order().ToList(), s.Locations.Order().ToList(),
        s.Kinds.Select(k => k.ToString()).Order().ToList(), s.MutedMeasures.Order().ToList(), s.Enabled, s.IsDefault);

    private static IResult Result(OperationResult r) => r.ErrorCode is null
        ? Results.Json(new { changed = r.Changed, message = r.Message, alert = r.Alert })
        : ProblemResponses.Problem(Status(r.ErrorCode), r.ErrorCode, r.Message);

    private static IResult Problem(RequestOutcome o) => ProblemResponses.Problem(Status(o.ErrorCode!), o.ErrorCode!, o.Error!);

    private static int Status(string code) => code switch
    {
        "unknown_measure" or "unknown_request" => 404,
        "forbidden" or "not_ifk" => 403,
        "duplicate_request" or "already_decided" or "not_open" or "not_refused" => 409,
        _ => 400,
    };
}
