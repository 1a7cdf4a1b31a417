using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// The deadline cards: a notice per stage (R-TN-2/4) with the button "Eingegangen" for those who may tick it, and the
/// LAP contact-density flag (R-TN-3). Pseudonymous references only.
/// </summary>
public static class DeadlineCards
{
    public const string ReceivedVerb = "deadlineReceived";
    public const string KeyKey = "deadlineKey";
    public const string ReceivedAction = "Eingegangen";

    public static AdaptiveCard Notice(Measure m, DeadlineItem item, NoticeStage stage, bool canMark) =>
        AdaptiveCard.Create()
            .WithFallbackText(DeadlineTexts.CardFallback)
            .Add(TextBlock.Heading(DeadlineTexts.CardTitle(stage, item.Kind)))
            .Add(new TextBlock(DeadlineTexts.CardText(stage)) { Spacing = Spacing.Small })
            .Add(new FactSet(Facts(m, item)))
            .AddActionIf(canMark, new ExecuteAction(ReceivedVerb, ReceivedAction)
            {
                Data = new Dictionary<string, object?> { [CardVerbs.MeasureNumberKey] = m.Number, [KeyKey] = item.Key },
                AssociatedInputs = AssociatedInputs.None,
            })
            .Build();

    public static AdaptiveCard Received(Measure m, DeadlineItem item, DateOnly on) =>
        AdaptiveCard.Create()
            .WithFallbackText(DeadlineTexts.CardFallback)
            .Add(TextBlock.Heading($"{item.Kind.German()} eingegangen"))
            .Add(new TextBlock($"Als eingegangen markiert am {DeadlineTexts.Date(on)}.") { Spacing = Spacing.Small })
            .Add(new FactSet(Facts(m, item)))
            .Build();

    public static AdaptiveCard ContactsBelow(Measure m, string reference, string month, int personal) =>
        AdaptiveCard.Create()
            .WithFallbackText(DeadlineTexts.CardFallback)
            .Add(TextBlock.Heading(DeadlineTexts.ContactsCardTitle))
            .Add(new TextBlock(DeadlineTexts.ContactsCardText(reference, month, personal)) { Spacing = Spacing.Small })
            .Add(new FactSet([new Fact(DeadlineTexts.FactMeasure, $"{m.Title} ({m.Number})")]))
            .Build();

    private static List<Fact> Facts(Measure m, DeadlineItem item)
    {
        var facts = new List<Fact> { new(DeadlineTexts.FactMeasure, $"{m.Title} ({m.Number})") };
        if (item.CustomerRef is { } reference) facts.Add(new(DeadlineTexts.FactCustomer, reference));
        else facts.Add(new(DeadlineTexts.FactPeriod, ContactDensity.MonthLabel(item.Event)));
        facts.Add(new(DeadlineTexts.FactDue, DeadlineTexts.Date(item.Due)));
        return facts;
    }
}
