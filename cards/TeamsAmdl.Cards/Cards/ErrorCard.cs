namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="ErrorCard"/>.</summary>
/// <param name="Message">German text for the user (e.g. a domain validation message); null shows a generic text.</param>
/// <param name="CorrelationId">Id to quote to support (e.g. the trace id); shown subtly when given.</param>
/// <param name="RetryVerb">When given, the card offers "Erneut versuchen" as an Action.Execute with this verb.</param>
/// <param name="RetryData">Data of the retry action (e.g. the measure number).</param>
public sealed record ErrorCardData(
    string? Message = null,
    string? CorrelationId = null,
    string? RetryVerb = null,
    IReadOnlyDictionary<string, object?>? RetryData = null);

/// <summary>A German error message, optionally with a retry action; also used as a replacement card.</summary>
public static class ErrorCard
{
    public static AdaptiveCard Build(ErrorCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var message = string.IsNullOrWhiteSpace(data.Message) ? CardTexts.Error.DefaultMessage : data.Message;
        List<CardElement> items =
        [
            TextBlock.Heading(CardTexts.Error.Title) with { Color = TextColor.Attention },
            new TextBlock(message) { Spacing = Spacing.Small },
        ];
        if (!string.IsNullOrWhiteSpace(data.CorrelationId))
            items.Add(TextBlock.Subtle(CardTexts.Error.CorrelationId(data.CorrelationId)) with { Size = TextSize.Small });

        var builder = AdaptiveCard.Create()
            .WithFallbackText(CardTexts.Error.FallbackText)
            .Add(new Container(items) { Style = ContainerStyle.Attention, Bleed = true });
        if (!string.IsNullOrWhiteSpace(data.RetryVerb))
            builder.AddAction(new ExecuteAction(data.RetryVerb, CardTexts.Common.Retry)
            {
                Data = data.RetryData,
                AssociatedInputs = AssociatedInputs.None,
            });
        return builder.Build();
    }
}
