using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.FreePlacesContracts;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// Changes of an IFK's free-place subscription (R-FREE-3), checked against what exists (issue 12): only IFKs subscribe,
/// teams and locations must be ones the Jobcenter has (an unknown team would silently stop every alert), kinds are
/// names, and only existing measures can be muted (unmuting is always possible, also for a measure that is gone).
/// </summary>
public sealed class SubscriptionChanges(SubscriptionRepository subscriptions, StaffRepository staff, MeasureRepository measures, TimeProvider time)
{
    public const string NotIfk = "not_ifk";

    public static SubscriptionOutcome NotAnIfk() =>
        SubscriptionOutcome.Fail(NotIfk, "Benachrichtigungen über freie Plätze können nur Integrationsfachkräfte (IFK) abonnieren.");

    public async Task<SubscriptionOutcome> GetAsync(Staff me, CancellationToken ct) =>
        me.Has(StaffRole.Ifk) ? new SubscriptionOutcome(await subscriptions.GetAsync(me, ct)) : NotAnIfk();

    /// <summary>Only Enabled given switches alerts on/off and keeps the filters; otherwise the filters are replaced.</summary>
    public async Task<SubscriptionOutcome> UpdateAsync(Staff me, SubscriptionBody body, CancellationToken ct)
    {
        if (!me.Has(StaffRole.Ifk)) return NotAnIfk();
        var (teams, locations, kinds, enabled) = body;
        var current = await subscriptions.GetAsync(me, ct);
        FreePlaceSubscription updated;
        try
        {
            updated = teams is null && locations is null && kinds is null
                ? current with { Enabled = enabled ?? current.Enabled }
                : FreePlaceSubscription.Create(me.Id, teams, locations, kinds, current.MutedMeasures, enabled ?? current.Enabled);
        }
        catch (DomainValidationException e)
        {
            return SubscriptionOutcome.Fail("invalid_input", e.Message);
        }
        if (updated.Teams.Count > 0)
        {
            var known = (await staff.ListTeamsAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
            if (updated.Teams.FirstOrDefault(t => !known.ContainsKey(t)) is { } unknown)
                return SubscriptionOutcome.Fail("unknown_team",
                    $"Das Team „{unknown}“ gibt es nicht. Vorhanden: {string.Join(", ", known.OrderBy(t => t.Value).Select(t => $"{t.Key} ({t.Value})"))}.");
        }
        if (updated.Locations.Count > 0)
        {
            var known = (await measures.ListAsync(BerlinCalendar.Today(time), ct)).Select(s => s.Measure.Location).ToHashSet(StringComparer.Ordinal);
            if (updated.Locations.FirstOrDefault(l => !known.Contains(l)) is { } unknown)
                return SubscriptionOutcome.Fail("unknown_location",
                    $"Am Ort „{unknown}“ gibt es keine Maßnahme. Orte mit Maßnahmen: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }
        await subscriptions.SaveAsync(updated, ct);
        return new SubscriptionOutcome(updated);
    }

    public async Task<SubscriptionOutcome> SetMutedAsync(Staff me, string number, bool muted, CancellationToken ct)
    {
        if (!me.Has(StaffRole.Ifk)) return NotAnIfk();
        if (!PlaceRequestRepository.IsSafeKey(number)) return SubscriptionOutcome.Fail("invalid_input", "Ungültige Maßnahmenummer.");
        if (muted && await measures.GetAsync(number, BerlinCalendar.Today(time), ct) is null)
            return SubscriptionOutcome.Fail("unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht; sie kann nicht stummgeschaltet werden.");
        try
        {
            return new SubscriptionOutcome(await subscriptions.SetMutedAsync(me, [number], muted, ct));
        }
        catch (DomainValidationException e)
        {
            return SubscriptionOutcome.Fail("invalid_input", e.Message);
        }
    }
}
