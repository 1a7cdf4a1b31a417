using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Digest;

/// <summary>One measure of a week: master data, the system's figures now, and the week's input (if any).</summary>
public sealed record MeasureWeek(
    Measure Measure,
    string TeamName,
    string TraegerName,
    string BetreuerName,
    WeeklyFigures System,
    DigestInputEntity? Input)
{
    /// <summary>The figures the digest shows: the input's, or the system's when there is none.</summary>
    public WeeklyFigures Effective => Input?.Figures ?? System;

    public DigestInputState State => Input?.InputState ?? DigestInputState.Missing;

    public DigestEntry ToEntry(string? koordinatorName = null) => new(Measure.Number, Measure.Title, Measure.TeamId, TeamName, Measure.Kind,
        TraegerName, Measure.Location, Effective.Capacity, Effective.Occupied, Effective.FreePlaces, Effective.NextEntryDate, Input?.Remarks,
        State, BetreuerName, Effective.Reserved, Effective.IntakeOpen, koordinatorName, Input?.ChangedByName, Input?.ChangedAt);
}

/// <summary>Everything the tab and the digest need for one week.</summary>
public sealed record WeekData(WeekKey Week, DateOnly Today, IReadOnlyList<MeasureWeek> Measures, Names.Lookup Names)
{
    /// <summary>The digest rows of the week.</summary>
    public IReadOnlyList<DigestEntry> Entries =>
        Measures.Select(m => m.ToEntry(Names.Staff.GetValueOrDefault(m.Measure.KoordinatorId, m.Measure.KoordinatorId))).ToList();

    public IReadOnlyList<MissingInput> Missing =>
        MissingInputs.Find(Measures.Select(m => m.Measure), Measures.Where(m => m.Input is not null).Select(m => m.Measure.Number).ToHashSet());
}

/// <summary>
/// Reads a week: the measures running in it (<see cref="MissingInputs.Expected"/>), their figures as the system
/// computes them today (<see cref="WeeklyFigures.System"/>), and the week's inputs. Three table reads plus the
/// name lookups: bounded by the number of measures.
/// </summary>
public sealed class WeekService(MeasureRepository measures, DigestInputRepository inputs, Names names, TimeProvider time)
{
    public async Task<WeekData> LoadAsync(WeekKey week, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var statesTask = measures.ListAsync(today, ct);
        var inputsTask = inputs.ListAsync(week, ct);
        var lookupTask = names.LoadAsync(ct);
        var states = await statesTask;
        var rows = await inputsTask;
        var lookup = await lookupTask;
        var expected = MissingInputs.Expected(states.Select(s => s.Measure), week).Select(m => m.Number).ToHashSet(StringComparer.Ordinal);
        var list = states
            .Where(s => expected.Contains(s.Measure.Number))
            .Select(s => new MeasureWeek(s.Measure,
                lookup.Teams.GetValueOrDefault(s.Measure.TeamId, s.Measure.TeamId),
                lookup.Traeger.GetValueOrDefault(s.Measure.TraegerId, s.Measure.TraegerId),
                lookup.Staff.GetValueOrDefault(s.Measure.BetreuerId, s.Measure.BetreuerId),
                WeeklyFigures.System(s.Measure, s.Participations, s.ReservedRefs.Count, today),
                rows.GetValueOrDefault(s.Measure.Number)))
            .OrderBy(m => m.Measure.Number, StringComparer.Ordinal)
            .ToList();
        return new WeekData(week, today, list, lookup);
    }

    /// <summary>The week's view of one measure (null if the measure does not exist or does not run in the week).</summary>
    public async Task<MeasureWeek?> LoadOneAsync(WeekKey week, string number, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var state = await measures.GetAsync(number, today, ct);
        if (state is null || !MissingInputs.RunsIn(state.Measure, week)) return null;
        var lookup = await names.LoadAsync(ct);
        var row = await inputs.GetAsync(week, number, ct);
        var m = state.Measure;
        return new MeasureWeek(m, lookup.Teams.GetValueOrDefault(m.TeamId, m.TeamId), lookup.Traeger.GetValueOrDefault(m.TraegerId, m.TraegerId),
            lookup.Staff.GetValueOrDefault(m.BetreuerId, m.BetreuerId),
            WeeklyFigures.System(m, state.Participations, state.ReservedRefs.Count, today), row);
    }
}
