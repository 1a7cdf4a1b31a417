using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Deadlines.DeadlineContracts;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// R-TN-2 "overdue list per team": every deadline past its due day and not ticked (participant documents and Träger
/// reports) of one team's measures, grouped per measure with counts per kind. Everyone sees their own team; Koordination,
/// koordinierende Führungskräfte and Geschäftsführung any team, or all teams at once (no team asked for).
/// </summary>
public sealed class TeamOverdue(DeadlineStore store, StaffRepository staff, TimeProvider time)
{
    private static readonly StaffRole[] AnyTeam = [StaffRole.Koordinator, StaffRole.KoordinierendeFuehrungskraft, StaffRole.Geschaeftsleitung];

    public static bool SeesAnyTeam(Staff person) => AnyTeam.Any(person.Has);

    public async Task<Outcome<TeamOverdueView>> ListAsync(Staff person, string? team, CancellationToken ct)
    {
        var teams = await staff.ListTeamsAsync(ct);
        var any = SeesAnyTeam(person);
        team = string.IsNullOrWhiteSpace(team) ? (any ? null : person.TeamId) : team.Trim();
        if (team is not null && team != person.TeamId)
        {
            if (!any) return Outcome<TeamOverdueView>.Fail(403, "forbidden", DeadlineTexts.OverdueOtherTeam);
            if (teams.All(t => t.Id != team)) return Outcome<TeamOverdueView>.Fail(404, "unknown_team", DeadlineTexts.UnknownTeam(team));
        }

        var today = BerlinCalendar.Today(time);
        var overdue = (await store.LoadAsync(today.AddDays(-DeadlineStore.LookbackDays), today.AddDays(-1), ct))
            .Where(t => !t.Received && (team is null || t.Measure.TeamId == team))
            .Select(t => (t.Measure.TeamId, View: DeadlineView.From(t.Measure, t.Item, t.Mark, today, PlaceRequestService.CanDecide(person, t.Measure))))
            .ToList();
        var measures = overdue.GroupBy(o => (o.View.Measure, o.View.MeasureTitle, o.TeamId))
            .OrderBy(g => g.Key.Measure, StringComparer.Ordinal)
            .Select(g => new MeasureOverdue(g.Key.Measure, g.Key.MeasureTitle, g.Key.TeamId, Counts(g.Select(o => o.View)),
                g.Select(o => o.View).OrderBy(v => v.Due).ThenBy(v => v.Key, StringComparer.Ordinal).ToList()))
            .ToList();
        var name = team is null ? DeadlineTexts.AllTeams : teams.FirstOrDefault(t => t.Id == team)?.Name ?? team;
        var options = teams.Where(t => any || t.Id == person.TeamId).OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TeamOption(t.Id, t.Name)).ToList();
        return Outcome<TeamOverdueView>.Success(new TeamOverdueView(team, name, overdue.Count, Counts(overdue.Select(o => o.View)), measures,
            options, any));
    }

    /// <summary>Counts per kind in the order of <see cref="DeadlineKind"/>.</summary>
    private static IReadOnlyList<KindCount> Counts(IEnumerable<DeadlineView> views) =>
        views.GroupBy(v => (v.Kind, v.Label))
            .OrderBy(g => Enum.TryParse<DeadlineKind>(g.Key.Kind, out var k) ? (int)k : int.MaxValue).ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
            .Select(g => new KindCount(g.Key.Kind, g.Key.Label, g.Count()))
            .ToList();
}
