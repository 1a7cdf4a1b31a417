using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints;

/// <summary>
/// Measures with occupancy and free places. Measures carry no customer data, so every authenticated staff member
/// may read them (R-SEC-2 restricts participations and requests, not the measure list).
/// </summary>
public static class MeasureEndpoints
{
    public static void MapMeasureEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/measures").RequireAuthorization();

        api.MapGet("", async (string? team, string? kind, MeasureRepository measures, Names names, TimeProvider time, CancellationToken ct) =>
        {
            MeasureKind? kindFilter = null;
            if (!string.IsNullOrEmpty(kind))
            {
                if (!Enum.TryParse<MeasureKind>(kind, ignoreCase: true, out var k))
                    return ProblemResponses.Problem(400, "unknown_kind",
                        $"Unbekannte Maßnahmeart „{kind}“. Erlaubt: {string.Join(", ", Enum.GetNames<MeasureKind>())}.");
                kindFilter = k;
            }
            var today = BerlinCalendar.Today(time);
            var lookup = await names.LoadAsync(ct);
            var list = (await measures.ListAsync(today, ct))
                .Where(s => team is null || s.Measure.TeamId == team)
                .Where(s => kindFilter is null || s.Measure.Kind == kindFilter)
                .Select(s => lookup.View(s, today));
            return Results.Json(list);
        });

        api.MapGet("/{number}", async (string number, MeasureRepository measures, Names names, TimeProvider time, CancellationToken ct) =>
        {
            var today = BerlinCalendar.Today(time);
            var state = await measures.GetAsync(number, today, ct);
            if (state is null)
                return ProblemResponses.Problem(404, "unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht.");
            return Results.Json((await names.LoadAsync(ct)).View(state, today));
        });
    }
}

/// <summary>Display names for ids in API responses (Träger, teams, staff): three single-partition reads per request.</summary>
public sealed class Names(TraegerRepository traeger, StaffRepository staff)
{
    public async Task<Lookup> LoadAsync(CancellationToken ct)
    {
        var t = (await traeger.ListAsync(ct)).ToDictionary(x => x.Id, x => x.Name);
        var teams = (await staff.ListTeamsAsync(ct)).ToDictionary(x => x.Id, x => x.Name);
        var people = (await staff.ListAsync(ct)).ToDictionary(x => x.Id, x => x.DisplayName);
        return new Lookup(t, teams, people);
    }

    public sealed record Lookup(IReadOnlyDictionary<string, string> Traeger, IReadOnlyDictionary<string, string> Teams,
        IReadOnlyDictionary<string, string> Staff)
    {
        public MeasureView View(MeasureState s, DateOnly today) => MeasureView.From(s, today,
            id => Traeger.GetValueOrDefault(id, id), id => Teams.GetValueOrDefault(id, id), id => Staff.GetValueOrDefault(id, id));
    }
}
