namespace TeamsAmdl.Cards;

/// <summary>The tasks after a measure's end (mirror of the domain's AfterEndTaskKind; the name is sent as card data).</summary>
public enum QualityTaskKind { Abschlussbericht, Eingliederungserfolg }

/// <summary>Input of <see cref="AfterEndTaskCard"/>.</summary>
/// <param name="Participants">All participations of the measure (the upper bound of the Eingliederungserfolg numbers).</param>
/// <param name="DoneBy">Set once the task is done: who and when; the card then shows the result and no action.</param>
public sealed record AfterEndTaskCardData(
    QualityTaskKind Kind,
    string MeasureNumber,
    string MeasureTitle,
    string Traeger,
    DateOnly MeasureEnd,
    DateOnly Due,
    int Participants,
    bool Reminder = false,
    (string Name, DateOnly On)? DoneBy = null,
    (int Integrated, int NotIntegrated)? Result = null);

/// <summary>
/// R-QA-4: to Koordinator:in and Betreuer:in of a measure after its end — review the Träger's Abschlussbericht, and
/// 6 months after the end record the Eingliederungserfolg (numbers integrated / not integrated). The same card, with a
/// banner, is the reminder when the task is overdue, and the replacement card once it is done.
/// </summary>
public static class AfterEndTaskCard
{
    public static AdaptiveCard Build(AfterEndTaskCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var builder = AdaptiveCard.Create()
            .WithFallbackText(CardTexts.Monitoring.TaskFallback(d.Kind, d.MeasureNumber));
        if (d.DoneBy is null && d.Reminder)
            builder.Add(new Container([new TextBlock(CardTexts.Monitoring.ReminderBanner) { Weight = TextWeight.Bolder, Color = TextColor.Attention }])
                { Style = ContainerStyle.Attention, Bleed = true });
        if (d.DoneBy is not null)
            builder.Add(new Container([new TextBlock(CardTexts.Monitoring.DoneBanner) { Weight = TextWeight.Bolder, Color = TextColor.Good }])
                { Style = ContainerStyle.Good, Bleed = true });
        builder.Add(TextBlock.Heading(CardTexts.Monitoring.TaskTitle(d.Kind)));
        if (d.DoneBy is null) builder.Add(new TextBlock(CardTexts.Monitoring.TaskIntro(d.Kind)) { Spacing = Spacing.Small });
        var facts = new List<Fact>
        {
            new(CardTexts.Monitoring.Measure, CardTexts.Monitoring.MeasureValue(d.MeasureNumber, d.MeasureTitle)),
            new(CardTexts.Monitoring.Traeger, d.Traeger),
            new(CardTexts.Monitoring.MeasureEnd, CardTexts.Common.Date(d.MeasureEnd)),
            new(CardTexts.Monitoring.Due, CardTexts.Common.Date(d.Due)),
        };
        if (d.Kind == QualityTaskKind.Eingliederungserfolg)
            facts.Add(new(CardTexts.Monitoring.Participants, CardTexts.Common.Number(d.Participants)));
        if (d.DoneBy is { } done)
        {
            facts.Add(new(CardTexts.Monitoring.DoneLabel, CardTexts.Monitoring.DoneBy(done.Name, done.On)));
            if (d.Result is { } r) facts.Add(new(CardTexts.Monitoring.ResultLabel, CardTexts.Monitoring.Result(r.Integrated, r.NotIntegrated)));
        }
        builder.Add(new FactSet(facts) { Spacing = Spacing.Medium });
        if (d.DoneBy is not null) return builder.Build();

        var data = new Dictionary<string, object?>
        {
            [CardVerbs.QualityMeasureKey] = d.MeasureNumber,
            [CardVerbs.QualityTaskKey] = d.Kind.ToString(),
        };
        if (d.Kind == QualityTaskKind.Eingliederungserfolg)
        {
            builder.Add(
                new NumberInput(CardVerbs.QualityIntegratedInput)
                {
                    Label = CardTexts.Monitoring.Integrated, IsRequired = true, Min = 0, Max = d.Participants,
                    ErrorMessage = CardTexts.Monitoring.IntegratedError,
                },
                new NumberInput(CardVerbs.QualityNotIntegratedInput)
                {
                    Label = CardTexts.Monitoring.NotIntegrated, IsRequired = true, Min = 0, Max = d.Participants,
                    ErrorMessage = CardTexts.Monitoring.NotIntegratedError,
                });
        }
        return builder.AddAction(new ExecuteAction(CardVerbs.QualityTaskComplete,
                d.Kind == QualityTaskKind.Abschlussbericht ? CardTexts.Monitoring.ConfirmReview : CardTexts.Monitoring.ConfirmRecord)
            { Data = data, Style = ActionStyle.Positive, AssociatedInputs = AssociatedInputs.Auto })
            .Build();
    }
}
