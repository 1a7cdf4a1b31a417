namespace TeamsAmdl.Domain.Digest;

/// <summary>
/// Whose measures a personal digest puts first (issue 14): an IFK's free-place subscription (teams, locations, kinds,
/// muted measures), a Teamleitung's own team. Empty filters match everything, as in <see cref="FreePlaceSubscription"/>.
/// </summary>
public sealed record DigestAudience(IReadOnlySet<string> Teams, IReadOnlySet<string> Locations, IReadOnlySet<MeasureKind> Kinds,
    IReadOnlySet<string> Muted)
{
    public static DigestAudience Of(FreePlaceSubscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new DigestAudience(s.Teams, s.Locations, s.Kinds, s.MutedMeasures);
    }

    public static DigestAudience Team(string teamId) =>
        new(new HashSet<string>(StringComparer.Ordinal) { teamId }, new HashSet<string>(), new HashSet<MeasureKind>(), new HashSet<string>());

    public bool Matches(DigestEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return !Muted.Contains(e.Number)
               && (Teams.Count == 0 || Teams.Contains(e.TeamId))
               && (Locations.Count == 0 || Locations.Contains(e.Location))
               && (Kinds.Count == 0 || Kinds.Contains(e.Kind));
    }

    /// <summary>Recipients with equal keys get the same messages (built once).</summary>
    public string Key => string.Join("|", string.Join(",", Teams.Order(StringComparer.Ordinal)), string.Join(",", Locations.Order(StringComparer.Ordinal)),
        string.Join(",", Kinds.Order()), string.Join(",", Muted.Order(StringComparer.Ordinal)));
}
