using System.Runtime.Serialization;
using System.Globalization;
using Azure;
using TeamsAmdl.Domain;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Repositories;

/// <summary>
/// The measure row (RowKey "measure") of a measure's partition. AllocationVersion is bumped by every change to
/// the places of the measure, in the same entity-group transaction, so that its ETag serialises allocations.
/// </summary>
public sealed class MeasureEntity : ITableEntity
{
    public const string Row = "measure";
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string TraegerId { get; set; } = "";
    public string Location { get; set; } = "";
    public string Start { get; set; } = "";
    public string End { get; set; } = "";
    public int Places { get; set; }
    public int? MinimumPlaces { get; set; }
    public int? AverageOccupancy { get; set; }
    /// <summary>Decimal as invariant string: Table storage has no decimal type and TM must stay exact.</summary>
    public string? ContractedTm { get; set; }
    public string EntryModel { get; set; } = "";
    public string BetreuerId { get; set; } = "";
    public string KoordinatorId { get; set; } = "";
    public string TeamId { get; set; } = "";
    public string? TargetGroup { get; set; }
    /// <summary>Null when written by <see cref="MeasureRepository.UpsertAsync"/>: a merge then keeps the stored value.</summary>
    public long? AllocationVersion { get; set; }
    /// <summary>Day the measure was closed (archived), or null. Never cleared by <see cref="MeasureRepository.UpsertAsync"/>
    /// (a merge keeps it): closed measures stay readable but drop out of lists, requests and alerts.</summary>
    public string? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>Always "9999-12-31": lets one filter select measure rows and still-running places (see Until).</summary>
    public string Until { get; set; } = PlaceEntity.Open;

    public Measure ToDomain() => new(PartitionKey, Title, Enum.Parse<MeasureKind>(Kind), LegalBasis, TraegerId, Location,
        StoredDate.Read(Start), StoredDate.Read(End),
        new Capacity(Places, MinimumPlaces, AverageOccupancy,
            ContractedTm is null ? null : decimal.Parse(ContractedTm, CultureInfo.InvariantCulture)),
        Enum.Parse<EntryModel>(EntryModel), BetreuerId, KoordinatorId, TeamId, string.IsNullOrEmpty(TargetGroup) ? null : TargetGroup);

    public static MeasureEntity From(Measure m) => new()
    {
        PartitionKey = m.Number, Title = m.Title, Kind = m.Kind.ToString(), LegalBasis = m.LegalBasis, TraegerId = m.TraegerId,
        Location = m.Location, Start = StoredDate.Write(m.Start), End = StoredDate.Write(m.End), Places = m.Capacity.Places,
        MinimumPlaces = m.Capacity.MinimumPlaces, AverageOccupancy = m.Capacity.AverageOccupancy,
        ContractedTm = m.Capacity.ContractedTm?.ToString(CultureInfo.InvariantCulture), EntryModel = m.EntryModel.ToString(),
        // "" rather than null: a merge would keep a cleared target group.
        BetreuerId = m.BetreuerId, KoordinatorId = m.KoordinatorId, TeamId = m.TeamId, TargetGroup = m.TargetGroup ?? "",
    };
}

/// <summary>
/// A place in a measure's partition: a participation (RowKey "p|{ref}|{entry}") or a confirmed reservation
/// (RowKey "r|{ref}"). Only pseudonymous references are stored (R-SEC-1).
/// </summary>
public sealed class PlaceEntity : ITableEntity
{
    public const string Open = "9999-12-31";
    public const string ParticipationPrefix = "p|";
    public const string ReservationPrefix = "r|";
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string CustomerRef { get; set; } = "";
    public string? IfkId { get; set; }
    public string? Entry { get; set; }
    public string? Exit { get; set; }
    public string? ExitReason { get; set; }
    /// <summary>Last day agreed by an extension (<see cref="Participation.PlannedEnd"/>); null for the standard duration.</summary>
    public string? PlannedEnd { get; set; }
    /// <summary>UB/InbeQ phase changes in order, "Qualifizierung:2026-03-02,Stabilisierung:2026-09-01" (<see cref="UbPhases"/>); null: Einstiegsphase.</summary>
    public string? Phases { get; set; }
    /// <summary>LAP: first day of a Nachbetreuung begun in the predecessor project (R-TN-3); null: it begins after the exit here.</summary>
    public string? NachbetreuungSince { get; set; }
    /// <summary>Last day the place is held (exit date, or <see cref="Open"/>). ISO dates compare as strings, so
    /// the list query can skip places that ended before today on the server.</summary>
    public string Until { get; set; } = Open;
    public DateTimeOffset CreatedAt { get; set; }

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public bool IsReservation => RowKey.StartsWith(ReservationPrefix, StringComparison.Ordinal);

    public static string ParticipationKey(string customerRef, DateOnly entry) => $"{ParticipationPrefix}{customerRef}|{StoredDate.Write(entry)}";
    public static string ReservationKey(string customerRef) => ReservationPrefix + customerRef;

    public Participation ToParticipation() => new(PartitionKey, CustomerRef, StoredDate.Read(Entry!), StoredDate.ReadNullable(Exit),
        ExitReason is null ? null : Enum.Parse<Domain.ExitReason>(ExitReason), IfkId, StoredDate.ReadNullable(PlannedEnd),
        ReadPhases(Phases), StoredDate.ReadNullable(NachbetreuungSince));

    public static PlaceEntity From(Participation p, DateTimeOffset now) => new()
    {
        PartitionKey = p.MeasureNumber, RowKey = ParticipationKey(p.CustomerRef, p.Entry), CustomerRef = p.CustomerRef,
        IfkId = p.IfkId, Entry = StoredDate.Write(p.Entry), Exit = StoredDate.Write(p.Exit), ExitReason = p.ExitReason?.ToString(),
        PlannedEnd = StoredDate.Write(p.PlannedEnd), Phases = WritePhases(p.Phases), NachbetreuungSince = StoredDate.Write(p.NachbetreuungSince),
        Until = p.Exit is null ? Open : StoredDate.Write(p.Exit.Value), CreatedAt = now,
    };

    public static string? WritePhases(IReadOnlyList<UbPhaseChange>? phases) =>
        phases is null or [] ? null : string.Join(",", phases.Select(c => $"{c.Phase}:{StoredDate.Write(c.From)}"));

    public static IReadOnlyList<UbPhaseChange>? ReadPhases(string? stored) => string.IsNullOrEmpty(stored) ? null : stored
        .Split(',').Select(c => c.Split(':')).Select(c => new UbPhaseChange(Enum.Parse<UbPhase>(c[0]), StoredDate.Read(c[1]))).ToList();
}
