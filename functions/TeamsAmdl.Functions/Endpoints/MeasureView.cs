using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints;

/// <summary>
/// The JSON shape of a measure in the API: master data plus today's places, computed by the domain. The R-CAP figures
/// (minimumPlaces, intakeDeadline, entryDates, tmContingentDays) are derived from the stored dates and capacity on
/// every read, so an edited measure never shows stale ones. A closed measure reports no free places.
/// </summary>
public sealed record MeasureView(
    string Number, string Title, string Kind, string KindLabel, string LegalBasis, NamedRef Traeger, string Location,
    DateOnly Start, DateOnly End, string EntryModel, NamedRef Team, NamedRef Betreuer, NamedRef Koordinator, string? TargetGroup,
    CapacityView Capacity, int Occupied, int Reserved, int FreePlaces, DateOnly? NextEntryDate, bool IntakeOpen,
    DateOnly IntakeDeadline, IReadOnlyList<string> Warnings,
    int? MinimumPlaces, IReadOnlyList<DateOnly> EntryDates, decimal? TmContingentDays, bool Closed, DateOnly? ClosedOn)
{
    /// <summary>DIA-AM: Teilnahmemonate consumed up to today by the recorded participations, in 1/30 TM (GET api/measures/{number} only).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? TmConsumedDays { get; init; }

    /// <summary>How many upcoming DIA-AM entry dates the view lists.</summary>
    public const int EntryDatesShown = 5;

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
        var intakeOpen = running && !s.Closed && IntakeWindow.IsOpen(m, entry);
        var warnings = new List<string>();
        if (UbMinimumWarning.Check(m, occupiedToday, today) is { } ub) warnings.Add(ub.Message);
        if (DiaAmStaffingFlag.Check(m, occupiedToday, today) is { } dia) warnings.Add(dia.Message);

        return new MeasureView(m.Number, m.Title, m.Kind.ToString(), m.Kind.German(), m.LegalBasis,
            new NamedRef(m.TraegerId, traegerName(m.TraegerId)), m.Location, m.Start, m.End, m.EntryModel.ToString(),
            new NamedRef(m.TeamId, teamName(m.TeamId)), new NamedRef(m.BetreuerId, staffName(m.BetreuerId)),
            new NamedRef(m.KoordinatorId, staffName(m.KoordinatorId)), m.TargetGroup,
            new CapacityView(m.Capacity.Places, m.Capacity.MinimumPlaces, m.Capacity.AverageOccupancy, m.Capacity.ContractedTm),
            occupiedToday, s.ReservedRefs.Count, intakeOpen ? counts.Free : 0, intakeOpen ? entry : null, intakeOpen,
            IntakeWindow.Deadline(m), warnings,
            // R-CAP figures (issue 13). tmConsumedDays (recorded participations) is added by the participants feature below.
            m.Kind == MeasureKind.UbInbeq ? m.Capacity.MinimumPlaces : null,
            m.Kind == MeasureKind.DiaAm ? DiaAmEntryDates.All(m).Where(d => d >= today).Take(EntryDatesShown).ToList() : [],
            m.Kind == MeasureKind.DiaAm && m.Capacity.ContractedTm is not null ? TmContingent.ContractedDays(m) : null,
            s.Closed, s.ClosedOn);
    }
}

public sealed record NamedRef(string Id, string Name);

public sealed record CapacityView(int Places, int? MinimumPlaces, int? AverageOccupancy, decimal? ContractedTm);
