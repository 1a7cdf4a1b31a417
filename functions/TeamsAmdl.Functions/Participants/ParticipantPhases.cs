using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Storage;
using static TeamsAmdl.Functions.Participants.ParticipantContracts;

namespace TeamsAmdl.Functions.Participants;

/// <summary>
/// Changes recorded on one participation row by the measure's Betreuer or Koordination: the UB/InbeQ phase (<see cref="UbPhases"/>;
/// the LuV at each phase end follows from it, R-TN-4) and the start of a LAP Nachbetreuung begun in the predecessor project
/// (R-TN-3). The row is read, decided on and written back under its ETag; a concurrent change (412) reads and decides again,
/// so of two different changes one wins and the other is refused against what the winner stored.
/// </summary>
public sealed class ParticipantPhases(Tables tables, MeasureRepository measures, TimeProvider time, ILogger<ParticipantPhases> log)
{
    /// <summary>PUT phase: <paramref name="customerRef"/> is in <paramref name="phase"/> from <paramref name="from"/> (the same change again: 200, nothing new).</summary>
    public async Task<Outcome<ParticipantView>> ChangePhaseAsync(Staff user, string number, string customerRef, string? phase, DateOnly? from,
        CancellationToken ct)
    {
        var to = Enum.GetValues<UbPhase>().Cast<UbPhase?>().FirstOrDefault(p => string.Equals(p.ToString(), phase?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (to is null) return Fail(400, "invalid_input", PhaseTexts.PhaseMissing);
        if (from is not { } day) return Fail(400, "invalid_input", PhaseTexts.FromMissing);
        return await ChangeRowAsync(user, number, customerRef, MeasureKind.UbInbeq, PhaseTexts.NotUb, PhaseTexts.PhaseForbidden, ct, (m, p, today) =>
        {
            var current = UbPhases.Current(p);
            if (current.Phase == to && current.From == day) return (p, null);
            if (UbPhases.CheckTransition(p, to.Value) is { } why) return (null, Fail(409, "phase_transition_not_allowed", why));
            if (UbPhases.CheckDay(p, day, today) is { } bad) return (null, Fail(400, "invalid_phase_date", bad));
            log.LogInformation("Phase {Phase} from {From} recorded in {Measure}", to, StoredDate.Write(day), m.Number);
            return (UbPhases.With(p, to.Value, day), null);
        });
    }

    /// <summary>PUT nachbetreuung: the Nachbetreuung of <paramref name="customerRef"/> began on <paramref name="since"/> (in the predecessor project).</summary>
    public async Task<Outcome<ParticipantView>> SetNachbetreuungAsync(Staff user, string number, string customerRef, DateOnly? since, CancellationToken ct)
    {
        if (since is not { } day) return Fail(400, "invalid_input", PhaseTexts.SinceMissing);
        return await ChangeRowAsync(user, number, customerRef, MeasureKind.LapProjekt, PhaseTexts.NotLap, PhaseTexts.NachbetreuungForbidden, ct, (m, p, today) =>
        {
            if (day > today) return (null, Fail(400, "invalid_input", PhaseTexts.SinceInFuture(day)));
            return (p with { NachbetreuungSince = day }, null);
        });
    }

    /// <summary>Checks the measure, its kind and the caller, then decides on the latest participation row and writes it under its ETag.</summary>
    private async Task<Outcome<ParticipantView>> ChangeRowAsync(Staff user, string number, string customerRef, MeasureKind kind, string wrongKind,
        string forbidden, CancellationToken ct, Func<Measure, Participation, DateOnly, (Participation? Changed, Outcome<ParticipantView>? Refused)> decide)
    {
        string reference;
        try
        {
            reference = CustomerReference.Normalize(customerRef);
        }
        catch (DomainValidationException e)
        {
            return Fail(400, "invalid_input", e.Message);
        }
        var today = BerlinCalendar.Today(time);
        var state = PlaceRequestRepository.IsSafeKey(number) ? await measures.GetAsync(number, today, ct) : null;
        if (state is null) return Fail(404, "unknown_measure", ParticipantTexts.UnknownMeasure(number));
        var m = state.Measure;
        if (!PlaceRequestService.CanDecide(user, m)) return Fail(403, "forbidden", forbidden);
        if (m.Kind != kind) return Fail(409, "wrong_measure_kind", wrongKind);

        return await Optimistic.RetryAsync(async ct =>
        {
            var latest = (await measures.ParticipationsAsync(number, ct)).Where(p => p.CustomerRef == reference).MaxBy(p => p.Entry);
            if (latest is null) return Fail(404, "not_participating", PhaseTexts.NotParticipating(reference, number));
            var row = (await tables.Measures.GetEntityAsync<PlaceEntity>(number, PlaceEntity.ParticipationKey(reference, latest.Entry), cancellationToken: ct)).Value;
            var p = row.ToParticipation();
            var (changed, refused) = decide(m, p, today);
            if (refused is not null) return refused;
            if (changed != p)
            {
                row.Phases = PlaceEntity.WritePhases(changed!.Phases);
                row.NachbetreuungSince = StoredDate.Write(changed.NachbetreuungSince);
                await tables.Measures.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, ct);
            }
            return Outcome<ParticipantView>.Success(ParticipantView.From(m, changed!, today));
        }, cancellationToken: ct);
    }

    private static Outcome<ParticipantView> Fail(int status, string code, string message) => Outcome<ParticipantView>.Fail(status, code, message);
}
