namespace TeamsAmdl.Domain;

/// <summary>
/// R-FREE-3: which free-place alerts an IFK wants. Each filter that is empty means "all"; filters combine with AND,
/// values within a filter with OR. Muted measures never alert, whatever the filters say.
/// Every IFK has a subscription: without one of their own, <see cref="DefaultFor"/> (all measures of their team).
/// </summary>
public sealed record FreePlaceSubscription(
    string IfkId,
    IReadOnlySet<string> Teams,
    IReadOnlySet<string> Locations,
    IReadOnlySet<MeasureKind> Kinds,
    IReadOnlySet<string> MutedMeasures,
    bool Enabled = true,
    bool IsDefault = false)
{
    public const int MaxFilterValues = 50;
    public const int MaxMutedMeasures = 500;

    /// <summary>The default: all measures of the IFK's own team (their Maßnahmen are the ones the team assigns to).</summary>
    public static FreePlaceSubscription DefaultFor(Staff ifk)
    {
        ArgumentNullException.ThrowIfNull(ifk);
        return new FreePlaceSubscription(ifk.Id, new HashSet<string>(StringComparer.Ordinal) { ifk.TeamId },
            new HashSet<string>(StringComparer.Ordinal), new HashSet<MeasureKind>(), new HashSet<string>(StringComparer.Ordinal),
            Enabled: true, IsDefault: true);
    }

    /// <summary>Whether a change of <paramref name="measure"/> is announced to this IFK.</summary>
    public bool Matches(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return Enabled
               && !MutedMeasures.Contains(measure.Number)
               && (Teams.Count == 0 || Teams.Contains(measure.TeamId))
               && (Locations.Count == 0 || Locations.Contains(measure.Location))
               && (Kinds.Count == 0 || Kinds.Contains(measure.Kind));
    }

    public bool IsMuted(string measureNumber) => MutedMeasures.Contains(measureNumber);

    /// <summary>Creates a subscription from user input; throws <see cref="DomainValidationException"/> (German) on bad values.</summary>
    public static FreePlaceSubscription Create(string ifkId, IEnumerable<string>? teams, IEnumerable<string>? locations,
        IEnumerable<string>? kinds, IEnumerable<string>? muted, bool enabled)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ifkId);
        var t = Clean(teams, nameof(Teams), "Teams");
        var l = Clean(locations, nameof(Locations), "Orte");
        var k = new HashSet<MeasureKind>();
        foreach (var name in Clean(kinds, nameof(Kinds), "Maßnahmearten"))
        {
            if (!EnumNames.TryParse<MeasureKind>(name, out var kind))
                throw new DomainValidationException(nameof(Kinds),
                    $"Unbekannte Maßnahmeart „{name}“. Erlaubt: {string.Join(", ", Enum.GetNames<MeasureKind>())}.");
            k.Add(kind);
        }
        var m = new HashSet<string>(muted?.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()) ?? [], StringComparer.Ordinal);
        if (m.Count > MaxMutedMeasures)
            throw new DomainValidationException(nameof(MutedMeasures), $"Höchstens {MaxMutedMeasures} Maßnahmen können stummgeschaltet sein.");
        return new FreePlaceSubscription(ifkId, t, l, k, m, enabled);
    }

    public FreePlaceSubscription WithMuted(string measureNumber, bool muted)
    {
        var set = new HashSet<string>(MutedMeasures, StringComparer.Ordinal);
        if (muted) set.Add(measureNumber);
        else set.Remove(measureNumber);
        if (set.Count > MaxMutedMeasures)
            throw new DomainValidationException(nameof(MutedMeasures), $"Höchstens {MaxMutedMeasures} Maßnahmen können stummgeschaltet sein.");
        return this with { MutedMeasures = set };
    }

    private static HashSet<string> Clean(IEnumerable<string>? values, string field, string german)
    {
        var set = new HashSet<string>(values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()) ?? [], StringComparer.Ordinal);
        if (set.Count > MaxFilterValues)
            throw new DomainValidationException(field, $"Höchstens {MaxFilterValues} {german} je Abonnement.");
        if (set.Any(v => v.Length > 100 || v.Any(char.IsControl)))
            throw new DomainValidationException(field, $"Ungültiger Wert in {german}.");
        return set;
    }
}
