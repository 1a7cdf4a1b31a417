using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using Azure;

namespace TeamsAmdl.Storage;

/// <summary>
/// Maps entities to and from the Table service's JSON. Types JSON cannot express unambiguously carry an
/// <c>@odata.type</c> annotation (Edm.Int64 as a string, Edm.DateTime, Edm.Guid, Edm.Binary, Edm.Double);
/// enums are stored as their name, as Azure.Data.Tables does. Typed entities map their public read/write
/// properties; [IgnoreDataMember] opts one out.
/// </summary>
internal static class TableEntityConverter
{
    private const string TypeSuffix = "@odata.type";
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertyCache = new();
    private static readonly HashSet<string> SystemProperties = ["PartitionKey", "RowKey", "Timestamp", "ETag"];

    public static byte[] Serialize(ITableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey ?? throw new ArgumentException("PartitionKey must not be null.", nameof(entity)));
            writer.WriteString("RowKey", entity.RowKey ?? throw new ArgumentException("RowKey must not be null.", nameof(entity)));
            foreach (var (name, value) in GetProperties(entity))
                WriteProperty(writer, name, value);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static IEnumerable<(string Name, object? Value)> GetProperties(ITableEntity entity)
    {
        if (entity is TableEntity dynamic)
        {
            foreach (var (name, value) in dynamic)
                if (!SystemProperties.Contains(name) && !name.StartsWith("odata.", StringComparison.Ordinal) && !name.Contains('@'))
                    yield return (name, value);
            yield break;
        }
        foreach (var property in Properties(entity.GetType()))
        {
            if (!IsSupported(property.PropertyType))
                throw new NotSupportedException(
                    $"Property {entity.GetType().Name}.{property.Name} of type {property.PropertyType.Name} cannot be stored in a table; mark it [IgnoreDataMember].");
            yield return (property.Name, property.GetValue(entity));
        }
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        // The service stores no nulls: leaving the property out is what a null means (Replace drops it, Merge keeps it).
        switch (value)
        {
            case null:
                return;
            case string s:
                writer.WriteString(name, s);
                return;
            case bool b:
                writer.WriteBoolean(name, b);
                return;
            case int i:
                writer.WriteNumber(name, i);
                return;
            case long l:
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                return;
            case double d:
                // Annotated: "2" would otherwise be read back as Int32.
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                if (double.IsFinite(d)) writer.WriteNumber(name, d);
                else writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                return;
            case DateTimeOffset dto:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDateTime(dto));
                return;
            case DateTime dt:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDateTime(ToUtc(dt)));
                return;
            case Guid g:
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                return;
            case byte[] bytes:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                return;
            case BinaryData data:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, data.ToMemory().Span);
                return;
            case Enum e:
                writer.WriteString(name, e.ToString());
                return;
            default:
                throw new NotSupportedException($"Property '{name}' of type {value.GetType().Name} cannot be stored in a table.");
        }
    }

    /// <summary>Unspecified kind counts as UTC: server code should never store local times.</summary>
    internal static DateTimeOffset ToUtc(DateTime dt) => dt.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc), TimeSpan.Zero),
    };

    internal static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads one entity object of a JSON response into typed values, honouring the Edm annotations.</summary>
    public static Dictionary<string, object?> ReadProperties(JsonElement json)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name == TableEntity.ETagKey)
            {
                result[name] = property.Value.GetString();
                continue;
            }
            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
                continue;
            var edmType = json.TryGetProperty(name + TypeSuffix, out var t) ? t.GetString() : null;
            if (name == "Timestamp") edmType = "Edm.DateTime";
            result[name] = ReadValue(property.Value, edmType, name);
        }
        return result;
    }

    private static object? ReadValue(JsonElement value, string? edmType, string name)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        switch (edmType)
        {
            case "Edm.Int64":
                return value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
            case "Edm.Int32":
                return value.GetInt32();
            case "Edm.Double":
                return value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble();
            case "Edm.DateTime":
                return ParseDateTime(value.GetString()!);
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!);
            case "Edm.Binary":
                return value.GetBytesFromBase64();
            case "Edm.Boolean":
                return value.GetBoolean();
            case "Edm.String" or null:
                break;
            default:
                throw new NotSupportedException($"Property '{name}' has the unsupported type {edmType}.");
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => throw new NotSupportedException($"Property '{name}' has an unexpected JSON value {value.ValueKind}."),
        };
    }

    private static DateTimeOffset ParseDateTime(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static T ToEntity<T>(Dictionary<string, object?> properties) where T : class, ITableEntity, new()
    {
        if (typeof(T) == typeof(TableEntity))
            return (T)(object)new TableEntity(properties);
        var entity = new T();
        entity.PartitionKey = properties.GetValueOrDefault("PartitionKey") as string ?? "";
        entity.RowKey = properties.GetValueOrDefault("RowKey") as string ?? "";
        entity.Timestamp = properties.GetValueOrDefault("Timestamp") as DateTimeOffset?;
        if (properties.GetValueOrDefault(TableEntity.ETagKey) is string etag) entity.ETag = new ETag(etag);
        foreach (var property in Properties(typeof(T)))
            if (properties.TryGetValue(property.Name, out var value) && value is not null && IsSupported(property.PropertyType))
                property.SetValue(entity, ConvertTo(value, property.PropertyType, property.Name));
        return entity;
    }

    private static PropertyInfo[] Properties(Type type) => PropertyCache.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0
                    && p.GetSetMethod() is not null && p.GetGetMethod() is not null
                    && !SystemProperties.Contains(p.Name)
                    && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
        .ToArray());

    private static bool IsSupported(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum || type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(double)
               || type == typeof(bool) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid)
               || type == typeof(byte[]) || type == typeof(BinaryData);
    }

    /// <summary>Converts a stored value to a property/getter type, allowing lossless widenings (Int32 to Int64/Double).</summary>
    public static object ConvertTo(object value, Type target, string name)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(value)) return value;
        try
        {
            if (type.IsEnum)
                return value is string s ? Enum.Parse(type, s) : Enum.ToObject(type, value);
            if (type == typeof(long) && value is int i32) return (long)i32;
            if (type == typeof(int) && value is long i64) return checked((int)i64);
            if (type == typeof(double) && value is int or long) return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (type == typeof(DateTime) && value is DateTimeOffset dto) return dto.UtcDateTime;
            if (type == typeof(DateTimeOffset) && value is DateTime dt) return ToUtc(dt);
            if (type == typeof(byte[]) && value is BinaryData bd) return bd.ToArray();
            if (type == typeof(BinaryData) && value is byte[] bytes) return new BinaryData(bytes);
            if (value is string text)
            {
                if (type == typeof(long)) return long.Parse(text, CultureInfo.InvariantCulture);
                if (type == typeof(Guid)) return Guid.Parse(text);
                if (type == typeof(DateTimeOffset)) return ParseDateTime(text);
                if (type == typeof(DateTime)) return ParseDateTime(text).UtcDateTime;
                if (type == typeof(byte[])) return Convert.FromBase64String(text);
                if (type == typeof(double)) return double.Parse(text, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException($"Property '{name}' value '{value}' cannot be read as {type.Name}.", e);
        }
        throw new InvalidOperationException($"Property '{name}' holds a {value.GetType().Name}, not a {type.Name}.");
    }
}
