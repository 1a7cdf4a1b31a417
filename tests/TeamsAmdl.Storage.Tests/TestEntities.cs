using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Storage.Tests;

public enum Color
{
    Red,
    Green,
    Blue,
}

/// <summary>Every property type the typed mapping supports.</summary>
public sealed class AllTypesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Text { get; set; }
    public int Int32 { get; set; }
    public long Int64 { get; set; }
    public double Double { get; set; }
    public double WholeDouble { get; set; }
    public bool Bool { get; set; }
    public DateTimeOffset DateTimeOffset { get; set; }
    public DateTime DateTime { get; set; }
    public Guid Guid { get; set; }
    public byte[]? Bytes { get; set; }
    public Color Color { get; set; }

    public int? NullableInt32 { get; set; }
    public long? NullableInt64 { get; set; }
    public double? NullableDouble { get; set; }
    public bool? NullableBool { get; set; }
    public DateTimeOffset? NullableDateTimeOffset { get; set; }
    public DateTime? NullableDateTime { get; set; }
    public Guid? NullableGuid { get; set; }
    public Color? NullableColor { get; set; }
    public string? NullString { get; set; }
    public int? NullInt32 { get; set; }

    [IgnoreDataMember]
    public string Ignored { get; set; } = "not stored";

    public string ReadOnly => "stored too";
}

public sealed class NumberEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Number { get; set; }
    public string? Label { get; set; }
    public string? Extra { get; set; }
}
