using System.Collections;
using Azure;

namespace TeamsAmdl.Storage;

/// <summary>
/// A schemaless entity: a dictionary of property values plus typed getters. As in Azure.Data.Tables, the system
/// properties live in the dictionary too ("PartitionKey", "RowKey", "Timestamp", "odata.etag"), and a missing key
/// reads as null instead of throwing.
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    internal const string ETagKey = "odata.etag";
    private readonly Dictionary<string, object?> _properties;

    public TableEntity() => _properties = new Dictionary<string, object?>(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey) : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values) =>
        _properties = new Dictionary<string, object?>(values, StringComparer.Ordinal);

    public string PartitionKey
    {
        get => GetString(nameof(PartitionKey))!;
        set => _properties[nameof(PartitionKey)] = value;
    }

    public string RowKey
    {
        get => GetString(nameof(RowKey))!;
        set => _properties[nameof(RowKey)] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(nameof(Timestamp));
        set => _properties[nameof(Timestamp)] = value;
    }

    public ETag ETag
    {
        get => GetString(ETagKey) is { } etag ? new ETag(etag) : default;
        set
        {
            if (value == default) _properties.Remove(ETagKey);
            else _properties[ETagKey] = value.ToString("G");
        }
    }

    public string? GetString(string key) => Get<string>(key);
    public int? GetInt32(string key) => Get<int?>(key);
    public long? GetInt64(string key) => Get<long?>(key);
    public double? GetDouble(string key) => Get<double?>(key);
    public bool? GetBoolean(string key) => Get<bool?>(key);
    public DateTimeOffset? GetDateTimeOffset(string key) => Get<DateTimeOffset?>(key);
    public DateTime? GetDateTime(string key) => Get<DateTime?>(key);
    public Guid? GetGuid(string key) => Get<Guid?>(key);
    public byte[]? GetBinary(string key) => Get<byte[]>(key);
    public BinaryData? GetBinaryData(string key) => Get<BinaryData>(key);

    private T? Get<T>(string key) =>
        _properties.TryGetValue(key, out var value) && value is not null
            ? (T?)TableEntityConverter.ConvertTo(value, typeof(T), key)
            : default;

    public object? this[string key]
    {
        get => _properties.GetValueOrDefault(key);
        set => _properties[key] = value;
    }

    public ICollection<string> Keys => _properties.Keys;
    public ICollection<object?> Values => _properties.Values;
    public int Count => _properties.Count;
    public bool IsReadOnly => false;
    public void Add(string key, object? value) => _properties.Add(key, value);
    public bool ContainsKey(string key) => _properties.ContainsKey(key);
    public bool Remove(string key) => _properties.Remove(key);
    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);
    public void Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);
    public void Clear() => _properties.Clear();
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
