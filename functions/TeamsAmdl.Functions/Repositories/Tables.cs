using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Repositories;

/// <summary>
/// The app's tables (layout and key design: docs/storage.md). One instance per app; table clients are cheap
/// handles over one shared pipeline. Prefix (Storage:TablePrefix) lets several instances share one account,
/// e.g. parallel test runs against one Azurite.
/// </summary>
public sealed class Tables(TableServiceClient service, string prefix = "")
{
    public const string TraegerTable = "Traeger";
    public const string TeamsTable = "Teams";
    public const string StaffTable = "Staff";
    public const string MeasuresTable = "Measures";
    public const string MetaTable = "Meta";

    public static readonly string[] All = [TraegerTable, TeamsTable, StaffTable, MeasuresTable, MetaTable];

    public TableServiceClient Service { get; } = service;
    /// <summary>Storage:TablePrefix ("" in production).</summary>
    public string Prefix { get; } = prefix;
    public TableClient Traeger => Get(TraegerTable);
    public TableClient Teams => Get(TeamsTable);
    public TableClient Staff => Get(StaffTable);
    public TableClient Measures => Get(MeasuresTable);
    public TableClient Meta => Get(MetaTable);

    public TableClient Get(string name) => Service.GetTableClient(Prefix + name);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);

    /// <summary>
    /// A feature's table, created on first use once per process (features need no entry in the start-up list).
    /// A failed creation is forgotten, so the next call tries again.
    /// </summary>
    public async Task<TableClient> GetCreatedAsync(string name, CancellationToken ct)
    {
        var client = Get(name);
        var creation = _created.GetOrAdd(name, _ => client.CreateIfNotExistsAsync(CancellationToken.None));
        try
        {
            await creation.WaitAsync(ct);
        }
        catch (Exception) when (creation.IsFaulted || creation.IsCanceled)
        {
            _created.TryRemove(new KeyValuePair<string, Task>(name, creation));
            throw;
        }
        return client;
    }

    public async Task CreateAllAsync(CancellationToken ct = default)
    {
        foreach (var name in All)
            await Get(name).CreateIfNotExistsAsync(ct);
    }
}

/// <summary>Dates are stored as ISO strings: Table storage has no date-only type and Edm.DateTime would drag a time zone in.</summary>
internal static class StoredDate
{
    public static string Write(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public static string? Write(DateOnly? d) => d is null ? null : Write(d.Value);
    public static DateOnly Read(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public static DateOnly? ReadNullable(string? s) => string.IsNullOrEmpty(s) ? null : Read(s);
}
