using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.FreePlacesContracts;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

/// <summary>
/// What the free-place functions share: the calling staff member and one mapping of the services' error codes to
/// HTTP status codes. Errors are problem JSON with a German title.
/// </summary>
internal static class FreePlacesHttp
{
    /// <summary>The caller as staff member, or null when the authenticated account belongs to nobody in the Jobcenter.</summary>
    public static async Task<Staff?> MeAsync(HttpRequest req, StaffRepository staff, CancellationToken ct) =>
        await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, ct);

    public static IResult Unknown() => ProblemResponses.Problem(403, "unknown_user", "Ihr Konto ist keinem Mitarbeitenden des Jobcenters zugeordnet.");

    /// <summary>Alerts go to IFKs only (R-FREE-2): a subscription of anybody else would never be used.</summary>
    public static IResult IfksOnly() => ProblemResponses.Problem(403, "not_ifk", "Freie-Plätze-Meldungen abonnieren nur Integrationsfachkräfte (IFK).");

    public static IResult UnknownMeasure(string number) => ProblemResponses.Problem(404, "unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht.");

    public static IResult CoordinatorsOnly() => ProblemResponses.Problem(403, "forbidden", "Das darf nur die Koordination.");

    public static IResult Result(OperationResult r) => r.ErrorCode is null
        ? Results.Json(new OperationView(r.Changed, r.Message, r.Alert))
        : ProblemResponses.Problem(Status(r.ErrorCode), r.ErrorCode, r.Message);

    public static IResult Problem(RequestOutcome o) => ProblemResponses.Problem(Status(o.ErrorCode!), o.ErrorCode!, o.Error!);

    public static IResult Result(SubscriptionOutcome o) => o.ErrorCode is null
        ? Results.Json(SubscriptionView.From(o.Subscription!))
        : ProblemResponses.Problem(Status(o.ErrorCode), o.ErrorCode, o.Error!);

    private static int Status(string code) => code switch
    {
        "unknown_measure" or "unknown_request" => 404,
        "forbidden" or SubscriptionChanges.NotIfk => 403,
        "duplicate_request" or "already_decided" or "not_open" or "not_refused" or PlaceStateChanges.CapacityBelowOccupancy
            or PlaceStateChanges.ExitAlreadyRecorded => 409,
        _ => 400,
    };
}
