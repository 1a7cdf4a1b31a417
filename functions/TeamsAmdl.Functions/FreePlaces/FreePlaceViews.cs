using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// Live card content: reads a measure's state now and maps it to the card models (free places, next entry date,
/// intake deadline, Betreuer contact, the viewer's own request). Träger and staff names are cached for a minute.
/// </summary>
public sealed class FreePlaceViews(MeasureRepository measures, TraegerRepository traeger, StaffRepository staff,
    PlaceRequestRepository requests, TimeProvider time)
{
    private static readonly TimeSpan DirectoryLifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _directoryGate = new(1, 1);
    private (long LoadedAt, Names Names)? _directory; // LoadedAt: the clock's timestamp

    public sealed record Names(IReadOnlyDictionary<string, string> Traeger, IReadOnlyDictionary<string, Staff> Staff);

    public DateOnly Today => BerlinCalendar.Today(time);

    public async Task<Names> NamesAsync(CancellationToken ct)
    {
        if (_directory is { } d && time.GetElapsedTime(d.LoadedAt) < DirectoryLifetime) return d.Names;
        await _directoryGate.WaitAsync(ct);
        try
        {
            if (_directory is { } again && time.GetElapsedTime(again.LoadedAt) < DirectoryLifetime) return again.Names;
            var names = new Names((await traeger.ListAsync(ct)).ToDictionary(t => t.Id, t => t.Name),
                (await staff.ListAsync(ct)).ToDictionary(s => s.Id));
            _directory = (time.GetTimestamp(), names);
            return names;
        }
        finally
        {
            _directoryGate.Release();
        }
    }

    /// <summary>What the cards show and requests use: the first entry date with a free place (see <see cref="FreePlaceSnapshot.FirstFree"/>).</summary>
    public static FreePlaceSnapshot Snapshot(MeasureState s, DateOnly today) =>
        FreePlaceSnapshot.FirstFree(s.Measure, s.Participations, s.ReservedRefs.Count, today);

    /// <summary>One measure as the cards show it.</summary>
    public FreePlaceMeasure Map(MeasureState s, Names names, DateOnly today, FreePlaceSubscription? subscription = null,
        PlaceRequestEntity? mine = null, bool detailed = false, int waiting = 0)
    {
        var m = s.Measure;
        var snapshot = Snapshot(s, today);
        var betreuer = names.Staff.GetValueOrDefault(m.BetreuerId);
        return new FreePlaceMeasure(m.Number, m.Title, m.Kind.German(), names.Traeger.GetValueOrDefault(m.TraegerId, m.TraegerId), m.Location,
            snapshot.IntakeOpen ? snapshot.Free : 0, snapshot.EntryDate, snapshot.IntakeDeadline, snapshot.IntakeOpen, m.TargetGroup,
            betreuer?.DisplayName ?? m.BetreuerId, betreuer?.Email,
            Muted: subscription?.IsMuted(m.Number) ?? false,
            MyRequest: mine is null ? null : (mine.CustomerRef, CardState(mine.State)),
            Details: detailed
                ? new FreePlaceMeasureDetails(m.LegalBasis, m.Start, m.End, m.Capacity.Places,
                    m.Kind == MeasureKind.DiaAm ? s.Participations.Count(p => DiaAmStay.IsActiveOn(m, p, today)) : Occupancy.On(s.Participations, today),
                    s.ReservedRefs.Count, waiting)
                : null);
    }

    /// <summary>The live view of <paramref name="numbers"/> for <paramref name="viewer"/> (unknown numbers are skipped).</summary>
    public async Task<IReadOnlyList<FreePlaceMeasure>> LiveAsync(IEnumerable<string> numbers, Staff viewer, FreePlaceSubscription? subscription,
        bool detailed, CancellationToken ct)
    {
        var names = await NamesAsync(ct);
        var today = Today;
        var list = new List<FreePlaceMeasure>();
        foreach (var number in numbers.Distinct(StringComparer.Ordinal))
        {
            if (!PlaceRequestRepository.IsSafeKey(number)) continue;
            var state = await measures.GetAsync(number, today, ct);
            if (state is null) continue;
            var all = await requests.ListAsync(number, ct);
            var mine = all.LastOrDefault(r => r.IfkId == viewer.Id && PlaceRequestRules.IsOpen(r.State));
            var waiting = all.Count(r => r.State == PlaceRequestStatus.Waitlisted);
            list.Add(Map(state, names, today, subscription, mine, detailed, waiting));
        }
        return list;
    }

    public static PlaceRequestState CardState(PlaceRequestStatus s) => Enum.Parse<PlaceRequestState>(s.ToString());
}
