using System.Text.Json.Serialization;

namespace TeamsAmdl.Cards;

/// <summary>
/// Base of the inputs. The id is required and must be unique within the card; a required input must carry a
/// <see cref="Label"/> and an <see cref="ErrorMessage"/> (both checked by <see cref="AdaptiveCardBuilder.Build"/>).
/// </summary>
public abstract record CardInput : CardElement
{
    protected CardInput(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("An input needs a non-empty id.", nameof(id));
        Id = id;
    }

    public string? Label { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record TextInput : CardInput
{
    public TextInput(string id) : base(id) { }

    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public int? MaxLength { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsMultiline { get; init; }

    /// <summary>A JavaScript regular expression the client checks before sending.</summary>
    public string? Regex { get; init; }

    public TextInputStyle? Style { get; init; }
}

public sealed record NumberInput : CardInput
{
    public NumberInput(string id) : base(id) { }

    public string? Placeholder { get; init; }
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}

/// <summary>A choice of a <see cref="ChoiceSetInput"/>: what is shown and what is sent.</summary>
public sealed record Choice(string Title, string Value);

public sealed record ChoiceSetInput : CardInput
{
    public ChoiceSetInput(string id, IReadOnlyList<Choice> choices) : base(id) => Choices = choices;

    [JsonPropertyOrder(90)]
    public IReadOnlyList<Choice> Choices { get; init; }

    /// <summary>Preselected value(s); several values of a multi-select are comma-separated.</summary>
    public string? Value { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsMultiSelect { get; init; }

    public string? Placeholder { get; init; }
}

public sealed record ToggleInput : CardInput
{
    public ToggleInput(string id, string title) : base(id) => Title = title;

    /// <summary>The text next to the check box.</summary>
    public string Title { get; init; }

    /// <summary>"true"/"false" (or <see cref="ValueOn"/>/<see cref="ValueOff"/>).</summary>
    public string? Value { get; init; }

    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
}

/// <summary>A date (yyyy-MM-dd on the wire).</summary>
public sealed record DateInput : CardInput
{
    public DateInput(string id) : base(id) { }

    public DateOnly? Value { get; init; }
    public DateOnly? Min { get; init; }
    public DateOnly? Max { get; init; }
    public string? Placeholder { get; init; }
}
