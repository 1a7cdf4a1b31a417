using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints;

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
