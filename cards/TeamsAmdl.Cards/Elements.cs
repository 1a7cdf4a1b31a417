using System.Text.Json.Serialization;

namespace TeamsAmdl.Cards;

/// <summary>
/// Base of everything that can go into a card's body or a container's items. Serialized polymorphically:
/// the "type" property comes first and names the element ("TextBlock", "Input.Text", ...).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
public abstract record CardElement
{
    /// <summary>Optional for display elements; must be unique in the card (checked by <see cref="AdaptiveCardBuilder.Build"/>).</summary>
    [JsonPropertyOrder(-10)]
    public string? Id { get; init; }

    [JsonPropertyOrder(50)]
    public Spacing? Spacing { get; init; }

    /// <summary>Draws a line above the element.</summary>
    [JsonPropertyOrder(51)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Separator { get; init; }

    /// <summary>Written only when false (hidden; visible is the default).</summary>
    [JsonPropertyOrder(52)]
    public bool? IsVisible { get; init; }
}

/// <summary>A text. <see cref="Wrap"/> is on by default: German texts are long and Teams truncates unwrapped text.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;
    public TextWeight? Weight { get; init; }
    public TextSize? Size { get; init; }
    public TextColor? Color { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsSubtle { get; init; }

    public TextBlockStyle? Style { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
    public int? MaxLines { get; init; }

    /// <summary>A heading (style "heading", large, bold) as the first line of a card.</summary>
    public static TextBlock Heading(string text) =>
        new(text) { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder };

    /// <summary>Secondary text (subtle, small spacing).</summary>
    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Spacing = global::TeamsAmdl.Cards.Spacing.Small };
}

/// <summary>Label/value pairs.</summary>
public sealed record FactSet([property: JsonPropertyOrder(90)] IReadOnlyList<Fact> Facts) : CardElement;

/// <summary>One row of a <see cref="FactSet"/> (no "type" in the schema).</summary>
public sealed record Fact(string Title, string Value);

/// <summary>Side-by-side columns.</summary>
public sealed record ColumnSet([property: JsonPropertyOrder(90)] IReadOnlyList<Column> Columns) : CardElement
{
    public ContainerStyle? Style { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>A column of a <see cref="ColumnSet"/>. Not a body element, so it cannot end up in a card body.</summary>
public sealed record Column([property: JsonPropertyOrder(90)] IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-20)]
    public string Type => "Column";

    [JsonPropertyOrder(-10)]
    public string? Id { get; init; }

    [JsonPropertyOrder(50)]
    public Spacing? Spacing { get; init; }

    [JsonPropertyOrder(51)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Separator { get; init; }

    public ColumnWidth? Width { get; init; }
    public ContainerStyle? Style { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }

    public static Column Auto(params CardElement[] items) => new(items) { Width = ColumnWidth.Auto };
    public static Column Stretch(params CardElement[] items) => new(items) { Width = ColumnWidth.Stretch };
}

/// <summary>Groups items, optionally with a background style (emphasis, good, attention, ...).</summary>
public sealed record Container([property: JsonPropertyOrder(90)] IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Bleed { get; init; }
}

/// <summary>Buttons inside the body (schema 1.2), e.g. one per list entry; the card-level actions stay for the card as a whole.</summary>
public sealed record ActionSet([property: JsonPropertyOrder(90)] IReadOnlyList<CardAction> Actions) : CardElement;

/// <summary>A table (schema 1.5). Every row must have at most as many cells as there are columns.</summary>
public sealed record Table(
    [property: JsonPropertyOrder(89)] IReadOnlyList<TableColumn> Columns,
    [property: JsonPropertyOrder(90)] IReadOnlyList<TableRow> Rows) : CardElement
{
    /// <summary>
    /// The schema spells it "firstRowAsHeader"; the official JS renderer 3.x (Teams desktop/web) reads
    /// "firstRowAsHeaders". Both are written (only when set) so every client honours it.
    /// </summary>
    [JsonPropertyName("firstRowAsHeader")]
    public bool? FirstRowAsHeader { get; init; }

    [JsonPropertyName("firstRowAsHeaders")]
    public bool? FirstRowAsHeadersForJsRenderer => FirstRowAsHeader;

    public bool? ShowGridLines { get; init; }
    public ContainerStyle? GridStyle { get; init; }
    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }
    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}

/// <summary>A table column definition: width as weight (default 1) or pixels.</summary>
public sealed record TableColumn(ColumnWidth Width)
{
    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }
    public VerticalAlignment? VerticalCellContentAlignment { get; init; }

    public static TableColumn Weighted(double weight = 1) => new(ColumnWidth.Weight(weight));
}

public sealed record TableRow([property: JsonPropertyOrder(90)] IReadOnlyList<TableCell> Cells)
{
    [JsonPropertyOrder(-20)]
    public string Type => "TableRow";

    public ContainerStyle? Style { get; init; }

    /// <summary>A row of plain text cells (header rows get bold text).</summary>
    public static TableRow OfTexts(bool bold, params string[] texts) =>
        new(texts.Select(t => TableCell.OfText(t, bold)).ToArray());

    public static TableRow OfTexts(params string[] texts) => OfTexts(false, texts);
}

public sealed record TableCell([property: JsonPropertyOrder(90)] IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-20)]
    public string Type => "TableCell";

    public ContainerStyle? Style { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }

    public static TableCell OfText(string text, bool bold = false) =>
        new([new TextBlock(text) { Weight = bold ? TextWeight.Bolder : null }]);
}

/// <summary>An image by absolute https URL (or data: URI). Always give an <see cref="AltText"/>.</summary>
public sealed record Image(string Url) : CardElement
{
    public string? AltText { get; init; }
    public ImageSize? Size { get; init; }
    public ImageStyle? Style { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
