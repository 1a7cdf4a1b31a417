using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints;

/// <summary>The JSON shape of a measure in the API: master data plus today's places, computed by the domain.</summary>
public sealed record MeasureView(
    string Number, string Title, string Kind, string KindLabel, string LegalBasis, NamedRef Traeger, string Location,
    DateOnly Start, DateOnly End, string EntryModel, NamedRef Team, NamedRef Betreuer, NamedRef Koordinator, string? TargetGroup,
    CapacityView Capacity, int Occupied, int Reserved, int FreePlaces, DateOnly? NextEntryDate, bool IntakeOpen,
    DateOnly IntakeDeadline, IReadOnlyList<string> Warnings)
{
    /// <summary>DIA-AM: Teilnahmemonate consumed up to today by the recorded participations, in 1/30 TM (GET api/measures/{number} only).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? TmConsumedDays { get; init; }

    public static MeasureView From(MeasureState s, DateOnly today, Func<string, string> traegerName, Func<string, string> teamName,
        Func<string, string> staffName)
    {
        var m = s.Measure;
        var entry = PlaceAllocator.DefaultEntryDate(m, today);
        var running = today <= m.End;
        var counts = Occupancy.CountsFor(m, s.Participations, s.ReservedRefs.Count, running ? entry : m.End);
        var occupiedToday = m.Kind == MeasureKind.DiaAm
            ? s.Participations.Count(p => DiaAmStay.IsActiveOn(m, p, today))
            : Occupancy.On(s.Participations, today);
        var intakeOpen = running && IntakeWindow.IsOpen(m, entry);
        var warnings = new List<string>();
        if (UbMinimumWarning.Check(m, occupiedToday, today) is { } ub) warnings.Add(ub.Message);
        if (DiaAmStaffingFlag.Check(m, occupiedToday, today) is { } dia) warnings.Add(dia.Message);

        return new MeasureView(m.Number, m.Title, m.Kind.ToString(), m.Kind.German(), m.LegalBasis,
            new NamedRef(m.TraegerId, traegerName(m.TraegerId)), m.Location, m.Start, m.End, m.EntryModel.ToString(),
            new NamedRef(m.TeamId, teamName(m.TeamId)), new NamedRef(m.BetreuerId, staffName(m.BetreuerId)),
            new NamedRef(m.KoordinatorId, staffName(m.KoordinatorId)), m.TargetGroup,
            new CapacityView(m.Capacity.Places, m.Capacity.MinimumPlaces, m.Capacity.AverageOccupancy, m.Capacity.ContractedTm),
            occupiedToday, s.ReservedRefs.Count, intakeOpen ? counts.Free : 0, intakeOpen ? entry : null, intakeOpen,
            IntakeWindow.Deadline(m), warnings);
    }
}

public sealed record NamedRef(string Id, string Name);

public sealed record CapacityView(int Places, int? MinimumPlaces, int? AverageOccupancy, decimal? ContractedTm);
