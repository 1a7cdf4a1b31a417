namespace TeamsAmdl.Domain;

/// <summary>
/// R-FREE-1/-3: who gets the alert for a measure: every active IFK (role <see cref="StaffRole.Ifk"/>) reachable in Teams
/// whose subscription (their own, or the default of their team) matches the measure and has not muted it. The
/// measure's own Betreuer and Koordinator are left out: they caused or manage the change and decide on requests.
/// </summary>
public static class FreePlaceRecipients
{
    public static IReadOnlyList<Staff> Select(Measure measure, IEnumerable<Staff> staff,
        IReadOnlyDictionary<string, FreePlaceSubscription> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(subscriptions);
        return staff
            .Where(s => s.Has(StaffRole.Ifk) && s.CanReceiveCards)
            .Where(s => s.Id != measure.BetreuerId && s.Id != measure.KoordinatorId)
            .Where(s => (subscriptions.GetValueOrDefault(s.Id) ?? FreePlaceSubscription.DefaultFor(s)).Matches(measure))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }
}
