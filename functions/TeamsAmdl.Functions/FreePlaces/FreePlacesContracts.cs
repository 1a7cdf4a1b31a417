using System.Text.Json.Serialization;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>Request and response records of the free-place HTTP API (<see cref="Functions"/>).</summary>
public static class FreePlacesContracts
{
    public sealed record SubscriptionBody(string[]? Teams, string[]? Locations, string[]? Kinds, bool? Enabled);
    public sealed record ExitBody(string? CustomerRef, DateOnly? ExitDate, string? Reason);
    public sealed record CapacityBody(int? Places);
    public sealed record RequestBody(string? CustomerRef, string? Note);
    public sealed record DecisionBody(string? Reason);

    public sealed record SubscriptionView(string IfkId, IReadOnlyList<string> Teams, IReadOnlyList<string> Locations, IReadOnlyList<string> Kinds,
        IReadOnlyList<string> Muted, bool Enabled, bool IsDefault)
    {
        public static SubscriptionView From(FreePlaceSubscription s) => new(s.IfkId, s.Teams.Order().ToList(), s.Locations.Order().ToList(),
            s.Kinds.Select(k => k.ToString()).Order().ToList(), s.MutedMeasures.Order().ToList(), s.Enabled, s.IsDefault);
    }

    public sealed record RequestView(string Measure, string Id, string CustomerRef, string Status, DateOnly? EntryDate, DateTimeOffset RequestedAt,
        string IfkId, string? Note, string? DecidedBy, DateTimeOffset? DecidedAt, string? DeclineReason, bool FromWaitlist,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? WaitlistPosition = null)
    {
        /// <summary>The day the confirmed request became a participation (Participants); the request then holds no place.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public DateOnly? EnteredOn { get; init; }

        public static RequestView From(PlaceRequestEntity r, int? position = null) => new(r.PartitionKey, r.RowKey, r.CustomerRef, r.Status, r.Entry,
            r.RequestedAt, r.IfkId, r.Note, r.DecidedBy, r.DecidedAt, r.DeclineReason, r.FromWaitlist, position)
        {
            EnteredOn = Repositories.StoredDate.ReadNullable(r.EnteredOn),
        };
    }

    /// <summary>Answer of the operations on a measure (exit, capacity, open for assignment, weekly input).</summary>
    public sealed record OperationView(bool Changed, string Message, ChangeOutcome? Alert);

    public sealed record FlushView(int Flushed);
}
