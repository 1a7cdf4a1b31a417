using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TeamsAmdl.Cards;

/// <summary>
/// The one serializer configuration for cards: camelCase, nulls omitted, enums as camelCase strings,
/// umlauts written as they are (no \u00fc escapes), polymorphism by the "type" property.
/// </summary>
public static class CardJson
{
    /// <summary>Compact output: what goes over the wire to Teams.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Indented output (two spaces): golden samples and debugging.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null, // data keys are sent exactly as given
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    internal static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options)?.AsObject() ?? throw new InvalidOperationException("Serialized to null.");
}

/// <summary>
/// Width of a Column ("auto", "stretch", a relative weight, or "Npx") or of a Table column (weight or "Npx").
/// </summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private enum Kind { Auto, Stretch, Weight, Pixels }

    private readonly Kind _kind;
    private readonly double _value;

    private ColumnWidth(Kind kind, double value) { _kind = kind; _value = value; }

    /// <summary>As wide as the content.</summary>
    public static ColumnWidth Auto { get; } = new(Kind.Auto, 0);

    /// <summary>Takes the remaining space.</summary>
    public static ColumnWidth Stretch { get; } = new(Kind.Stretch, 0);

    /// <summary>Relative weight (written as a number).</summary>
    public static ColumnWidth Weight(double weight) =>
        weight > 0 && double.IsFinite(weight) ? new(Kind.Weight, weight) : throw new ArgumentOutOfRangeException(nameof(weight), "A weight must be positive.");

    /// <summary>Fixed width in pixels (written as "Npx").</summary>
    public static ColumnWidth Pixels(int pixels) =>
        pixels > 0 ? new(Kind.Pixels, pixels) : throw new ArgumentOutOfRangeException(nameof(pixels), "A pixel width must be positive.");

    /// <summary>True for weights and pixel widths, the only forms a Table column accepts.</summary>
    public bool IsWeightOrPixels => _kind is Kind.Weight or Kind.Pixels;

    internal void Write(Utf8JsonWriter writer)
    {
        switch (_kind)
        {
            case Kind.Auto: writer.WriteStringValue("auto"); break;
            case Kind.Stretch: writer.WriteStringValue("stretch"); break;
            case Kind.Weight: writer.WriteNumberValue(_value); break;
            default: writer.WriteStringValue(((int)_value).ToString(CultureInfo.InvariantCulture) + "px"); break;
        }
    }

    internal static ColumnWidth Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number) return Weight(reader.GetDouble());
        var s = reader.GetString()?.Trim().ToLowerInvariant();
        return s switch
        {
            "auto" => Auto,
            "stretch" => Stretch,
            not null when s.EndsWith("px", StringComparison.Ordinal) &&
                          int.TryParse(s[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var px) => Pixels(px),
            not null when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) => Weight(w),
            _ => throw new JsonException($"Invalid column width '{s}'."),
        };
    }

    public override string ToString() => _kind switch
    {
        Kind.Auto => "auto",
        Kind.Stretch => "stretch",
        Kind.Weight => _value.ToString(CultureInfo.InvariantCulture),
        _ => ((int)_value).ToString(CultureInfo.InvariantCulture) + "px",
    };
}

internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ColumnWidth.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options) => value.Write(writer);
}
