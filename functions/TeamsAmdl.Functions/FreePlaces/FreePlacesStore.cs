using System.Runtime.Serialization;
using Azure.Storage.Queues;
using System.Collections.Concurrent;
using Azure;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// Tables and the queue of the free-place feature (same account and prefix as <see cref="Tables"/>), created on
/// first use. Layout: FreePlaces/README.md.
/// </summary>
public sealed class FreePlacesStore(Tables tables, QueueServiceClient queues, IConfiguration config)
{
    public const string SubscriptionsTable = "FreePlaceSubscriptions";
    public const string ChangesTable = "FreePlaceChanges";
    public const string AlertsTable = "FreePlaceAlerts";
    public const string RequestsTable = "PlaceRequests";
    public const string AlertQueueName = "freeplace-alerts";

    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);
    private readonly Lazy<QueueClient> _queue = new(() =>
        queues.GetQueueClient(StorageSetup.Prefixed(config, AlertQueueName)));

    public Task<TableClient> SubscriptionsAsync(CancellationToken ct) => GetAsync(SubscriptionsTable, ct);
    public Task<TableClient> ChangesAsync(CancellationToken ct) => GetAsync(ChangesTable, ct);
    public Task<TableClient> AlertsAsync(CancellationToken ct) => GetAsync(AlertsTable, ct);
    public Task<TableClient> RequestsAsync(CancellationToken ct) => GetAsync(RequestsTable, ct);

    public async Task<QueueClient> AlertQueueAsync(CancellationToken ct)
    {
        var queue = _queue.Value;
        await Once("queue:" + AlertQueueName, () => queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None), ct);
        return queue;
    }

    private async Task<TableClient> GetAsync(string name, CancellationToken ct)
    {
        var client = tables.Get(name);
        await Once(name, () => client.CreateIfNotExistsAsync(CancellationToken.None), ct);
        return client;
    }

    private async Task Once(string key, Func<Task> create, CancellationToken ct)
    {
        var creation = _created.GetOrAdd(key, _ => create());
        try
        {
            await creation.WaitAsync(ct);
        }
        catch (Exception) when (creation.IsFaulted || creation.IsCanceled)
        {
            _created.TryRemove(new KeyValuePair<string, Task>(key, creation));
            throw;
        }
    }
}

/// <summary>An IFK's subscription (PartitionKey = staff id, RowKey "sub"). Sets are comma-separated.</summary>
public sealed class SubscriptionEntity : ITableEntity
{
    public const string Row = "sub";
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Teams { get; set; } = "";
    public string Locations { get; set; } = "";
    public string Kinds { get; set; } = "";
    /// <summary>Muted Maßnahmenummern (numbers contain no comma: see Measure.Create).</summary>
    public string Muted { get; set; } = "";
    public bool Enabled { get; set; } = true;
    /// <summary>True while the IFK never chose filters: Teams follows their team.</summary>
    public bool FiltersFromDefault { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public FreePlaceSubscription ToDomain(Staff? ifk)
    {
        var muted = Split(Muted);
        if (FiltersFromDefault && ifk is not null)
            return FreePlaceSubscription.DefaultFor(ifk) with { MutedMeasures = muted, Enabled = Enabled, IsDefault = true };
        return new FreePlaceSubscription(PartitionKey, Split(Teams), Split(Locations),
            Split(Kinds).Select(k => Enum.Parse<MeasureKind>(k)).ToHashSet(), muted, Enabled);
    }

    public static SubscriptionEntity From(FreePlaceSubscription s, DateTimeOffset now) => new()
    {
        PartitionKey = s.IfkId, Teams = Join(s.Teams), Locations = Join(s.Locations), Kinds = Join(s.Kinds.Select(k => k.ToString())),
        Muted = Join(s.MutedMeasures), Enabled = s.Enabled, FiltersFromDefault = s.IsDefault, UpdatedAt = now,
    };

    private static HashSet<string> Split(string s) =>
        new(s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);

    private static string Join(IEnumerable<string> values) => string.Join(",", values.Order(StringComparer.Ordinal));
}

/// <summary>
/// One change of a measure (PartitionKey = Maßnahmenummer, RowKey = escaped change key): the same change is
/// announced once (R-FREE-3). Status Planned → Done (fan-out finished) or Skipped (no alert).
/// </summary>
public sealed class ChangeEntity : ITableEntity
{
    public const string Planned = "Planned";
    public const string Done = "Done";
    public const string Skipped = "Skipped";
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string ChangeKey { get; set; } = "";
    public string Trigger { get; set; } = "";
    public string Status { get; set; } = Planned;
    public string Reason { get; set; } = "";
    public int Free { get; set; }
    public string? EntryDate { get; set; }
    public int Recipients { get; set; }
    public int Promoted { get; set; }
    public string? By { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// Rows of one IFK in FreePlaceAlerts (PartitionKey = staff id): "flush" = the card scheduled for them (FlushId,
/// NotBefore) with the changes it collects (<see cref="Pending"/>, one entry per measure); "day|{date}" = cards
/// sent that day. Everything the fan-out and the card need is a point read or write, no query.
/// </summary>
public sealed class AlertRowEntity : ITableEntity
{
    public const string FlushRow = "flush";
    public const string DayPrefix = "day|";
    /// <summary>A card lists at most this many changes; older ones beyond it are dropped (they would not fit on a card anyway).</summary>
    public const int MaxPending = 200;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    // flush
    public string? FlushId { get; set; }
    public DateTimeOffset? NotBefore { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? DeferredBy { get; set; }
    /// <summary>JSON array of the pending changes: [{"m": measure, "k": change key, "at": instant}].</summary>
    public string? Pending { get; set; }
    // day
    public int? Count { get; set; }

    public static string DayKey(DateOnly day) => DayPrefix + StoredDate.Write(day);

    public IReadOnlyList<PendingAlert> PendingAlerts() =>
        string.IsNullOrEmpty(Pending) ? [] : (System.Text.Json.JsonSerializer.Deserialize<List<PendingJson>>(Pending) ?? [])
            .Select(p => new PendingAlert(p.M, p.K, p.At)).ToList();

    /// <summary>Sets the pending changes: one per measure (the newest), at most <see cref="MaxPending"/>.</summary>
    public void SetPending(IEnumerable<PendingAlert> alerts) =>
        Pending = System.Text.Json.JsonSerializer.Serialize(alerts
            .GroupBy(a => a.MeasureNumber, StringComparer.Ordinal).Select(g => g.MaxBy(a => a.At)!)
            .OrderByDescending(a => a.At).Take(MaxPending).OrderBy(a => a.At)
            .Select(a => new PendingJson(a.MeasureNumber, a.ChangeKey, a.At)).ToList());

    /// <summary>Adds (or replaces, for the same measure) one pending change.</summary>
    public void AddPending(PendingAlert alert) =>
        SetPending(PendingAlerts().Where(a => a.MeasureNumber != alert.MeasureNumber).Append(alert));

    private sealed record PendingJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("m")] string M,
        [property: System.Text.Json.Serialization.JsonPropertyName("k")] string K,
        [property: System.Text.Json.Serialization.JsonPropertyName("at")] DateTimeOffset At);
}

/// <summary>
/// A place request (PartitionKey = Maßnahmenummer, RowKey = request id from <see cref="PlaceRequestIds"/>). The id starts
/// with the arrival time in ticks, so RowKey order is request order (the waiting list's order). Only the pseudonymous reference is stored.
/// </summary>
public sealed class PlaceRequestEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string IfkId { get; set; } = "";
    public string CustomerRef { get; set; } = "";
    public string? Note { get; set; }
    public string Status { get; set; } = nameof(PlaceRequestStatus.Pending);
    public string? EntryDate { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? ActionKey { get; set; }
    public bool FromWaitlist { get; set; }
    public DateTimeOffset? WaitlistedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DeclineReason { get; set; }
    /// <summary>Where the IFK's card is (the message the request was made from), to update it with the outcome.</summary>
    public string? ReplyServiceUrl { get; set; }
    public string? ReplyConversationId { get; set; }
    public string? ReplyActivityId { get; set; }
    /// <summary>Outbox key of the decision card sent to <see cref="DeciderId"/>.</summary>
    public string? DecisionMessageKey { get; set; }
    public string? DeciderId { get; set; }
    /// <summary>The measures of the card the request was made from (comma-separated), for "Freie Plätze anzeigen".</summary>
    public string? CardMeasures { get; set; }
    /// <summary>Outbox key of a card sent to the IFK without a message to update (API request, waiting list).</summary>
    public string? OutcomeMessageKey { get; set; }
    /// <summary>Entry date once the confirmed request became a participation (Participants); it then holds no place any more.</summary>
    public string? EnteredOn { get; set; }

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public PlaceRequestStatus State => Enum.Parse<PlaceRequestStatus>(Status);
    [IgnoreDataMember] // computed: the SDK would store every public getter
    public DateOnly? Entry => StoredDate.ReadNullable(EntryDate);
}
