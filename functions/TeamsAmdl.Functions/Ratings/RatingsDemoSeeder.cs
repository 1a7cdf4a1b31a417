using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Seeding;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// Demo rating requests for the demo Jobcenter (Development, or Seed:Demo): two open requests from the coordinator
/// Julia Weber to the Betreuer of the measures, with fixed ids, so a second start finds them and changes nothing
/// (the request cards go out once through the outbox keys). "Lager und Logistik Kompakt" was sent today; "LAP Frauen
/// in Beruf" 20 days ago, so the next reminder run sends its 14-day reminder. The assessors are betr-07 and betr-08,
/// whom no other demo flow messages.
/// </summary>
public sealed class RatingsDemoSeeder(RatingRequests requests, StaffRepository staff, TimeProvider time, ILogger<RatingsDemoSeeder> log)
{
    public static readonly (string Id, string Measure, string Assessor, int SentDaysAgo)[] Requests =
    [
        ("bw-demo-0108", "962-E-2026-0108", DemoData.BetreuerId(7), 0),
        ("bw-demo-0503", "962-L-2026-0503", DemoData.BetreuerId(6), 20),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var coordinator = await staff.GetAsync(DemoData.CoordinatorId, ct);
        if (coordinator is null) return; // no demo Jobcenter
        foreach (var (id, measure, assessor, daysAgo) in Requests)
        {
            var outcome = await requests.CreateAsync(coordinator,
                new NewRatingRequest(measure, DefaultQuestionnaire.Id, nameof(RatingKind.WaehrendDerMassnahme), [assessor], null),
                idempotencyKey: null, ct, fixedId: id, sentAt: time.GetUtcNow().AddDays(-daysAgo));
            if (outcome.Created) log.LogInformation("Demo-Bewertungsanfrage {Id} für {Measure} an {Assessor}", id, measure, assessor);
            else if (outcome.Request is null) log.LogWarning("Demo-Bewertungsanfrage {Id} nicht angelegt: {Message}", id, outcome.Message);
        }
    }
}
