namespace TeamsAmdl.Cards;

/// <summary>One measure on the Betreuer's weekly input card: the system's figures and the values to show in the inputs.</summary>
/// <param name="Number">Maßnahmenummer.</param>
/// <param name="Kind">German name of the kind.</param>
/// <param name="SystemOccupied">Occupancy according to the system.</param>
/// <param name="SystemFree">Free places according to the system.</param>
/// <param name="SystemNextEntry">Next entry date according to the system.</param>
/// <param name="IntakeOpen">False: no entry possible any more (no date input).</param>
/// <param name="EntryOnGrid">DIA-AM: entry only on the 14-day dates (a hint under the date).</param>
/// <param name="Occupied">Value of the occupancy input (system value or what the Betreuer entered).</param>
/// <param name="NextEntry">Value of the date input.</param>
/// <param name="Remarks">Value of the remarks input.</param>
/// <param name="AlreadySubmitted">The Betreuer sent this week's input already (the card is shown for changes).</param>
/// <param name="Errors">German messages of rejected values (shown under the measure).</param>
public sealed record WeeklyInputMeasure(
    string Number,
    string Title,
    string Kind,
    string Traeger,
    string Location,
    int Capacity,
    int SystemOccupied,
    int SystemFree,
    DateOnly? SystemNextEntry,
    bool IntakeOpen,
    bool EntryOnGrid,
    int Occupied,
    DateOnly? NextEntry,
    string? Remarks,
    bool AlreadySubmitted = false,
    IReadOnlyList<string>? Errors = null);

/// <summary>Input of <see cref="WeeklyInputCard"/>.</summary>
/// <param name="Week">Week key ("2026-W47"), sent back with the action.</param>
/// <param name="WeekLabel">"KW 47/2026".</param>
/// <param name="IsReminder">The one reminder (R-INFO-1) instead of the first request.</param>
/// <param name="Part">Part number when a Betreuer's measures need several cards (1-based), with <paramref name="Parts"/>.</param>
/// <param name="MinEntryDate">Earliest date the date inputs offer (today).</param>
/// <param name="HasErrors">Show the "nothing saved yet" notice at the top.</param>
public sealed record WeeklyInputCardData(
    string Week,
    string WeekLabel,
    DateOnly Monday,
    DateOnly Sunday,
    string BetreuerName,
    IReadOnlyList<WeeklyInputMeasure> Measures,
    bool IsReminder = false,
    int Part = 1,
    int Parts = 1,
    DateOnly? MinEntryDate = null,
    bool HasErrors = false);

/// <summary>
/// R-INFO-1: the Betreuer's weekly card. Per measure the system's figures and inputs pre-filled with them
/// (occupancy as a number from 0 to the places, next entry date, remarks); "Angaben senden" sends all of them with
/// <see cref="CardVerbs.DigestInputSubmit"/>. The bot checks the values against the domain rules and answers with
/// <see cref="WeeklyInputDoneCard"/>, or with this card again showing the errors.
/// </summary>
public static class WeeklyInputCard
{
    public static AdaptiveCard Build(WeeklyInputCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Measures.Count == 0) throw new ArgumentException("The weekly input card needs at least one measure.", nameof(data));
        var t = CardTexts.WeeklyInput.Title(data.WeekLabel);
        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.WeeklyInput.FallbackText(data.WeekLabel))
            .Add(TextBlock.Heading(data.IsReminder ? CardTexts.WeeklyInput.ReminderTitle(data.WeekLabel) : t) with
            {
                Color = data.IsReminder ? TextColor.Warning : null,
            })
            .AddIf(data.Parts > 1, TextBlock.Subtle(CardTexts.WeeklyInput.Part(data.Part, data.Parts)))
            .Add(
                new TextBlock(CardTexts.WeeklyInput.Greeting(data.BetreuerName)) { Spacing = Spacing.Medium },
                new TextBlock(data.IsReminder ? CardTexts.WeeklyInput.ReminderIntro : CardTexts.WeeklyInput.Intro(data.Monday, data.Sunday))
                    { Spacing = Spacing.Small },
                TextBlock.Subtle(CardTexts.WeeklyInput.FreePlacesHint) with { Size = TextSize.Small })
            .AddIf(data.HasErrors, new Container([new TextBlock(CardTexts.WeeklyInput.FixErrors) { Color = TextColor.Attention, Weight = TextWeight.Bolder }])
                { Style = ContainerStyle.Attention, Spacing = Spacing.Medium });

        foreach (var m in data.Measures)
            builder.Add(MeasureBlock(m, data.MinEntryDate));

        return builder
            .AddAction(new ExecuteAction(CardVerbs.DigestInputSubmit, CardTexts.WeeklyInput.Submit)
            {
                Style = ActionStyle.Positive,
                AssociatedInputs = AssociatedInputs.Auto,
                Data = new Dictionary<string, object?>
                {
                    [CardVerbs.DigestWeekKey] = data.Week,
                    [CardVerbs.DigestMeasuresKey] = data.Measures.Select(m => m.Number).ToArray(),
                },
            })
            .Build();
    }

    private static Container MeasureBlock(WeeklyInputMeasure m, DateOnly? minEntry)
    {
        var items = new List<CardElement>
        {
            new TextBlock(m.Title) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            TextBlock.Subtle(CardTexts.WeeklyInput.Subtitle(m.Number, m.Kind, m.Traeger, m.Location)) with { Spacing = Spacing.None },
            new FactSet([new Fact(CardTexts.WeeklyInput.SystemLabel,
                CardTexts.WeeklyInput.SystemValue(m.SystemOccupied, m.Capacity, m.SystemFree, m.SystemNextEntry, m.IntakeOpen))]) { Spacing = Spacing.Small },
        };
        if (m.AlreadySubmitted)
            items.Add(new TextBlock(CardTexts.WeeklyInput.AlreadySubmitted) { Color = TextColor.Good, Size = TextSize.Small, Spacing = Spacing.Small });

        var occupied = new NumberInput(CardVerbs.DigestOccupiedInputId(m.Number))
        {
            Label = CardTexts.WeeklyInput.OccupiedLabel(m.Capacity),
            // A rejected value outside 0..places is not shown again (the renderer refuses it); the error names it.
            Value = m.Occupied >= 0 && m.Occupied <= m.Capacity ? m.Occupied : null,
            Min = 0,
            Max = m.Capacity,
            IsRequired = true,
            ErrorMessage = CardTexts.WeeklyInput.OccupiedError(m.Capacity),
        };
        var entryColumn = m.IntakeOpen
            ? Column.Stretch(new DateInput(CardVerbs.DigestNextEntryInputId(m.Number))
                {
                    Label = CardTexts.WeeklyInput.NextEntryLabel,
                    Value = m.NextEntry,
                    Min = minEntry,
                })
            : Column.Stretch(
                new TextBlock(CardTexts.WeeklyInput.NextEntryLabel) { Weight = TextWeight.Bolder, Size = TextSize.Small },
                TextBlock.Subtle(CardTexts.WeeklyInput.IntakeClosed) with { Spacing = Spacing.Small });
        items.Add(new ColumnSet([Column.Stretch(occupied), entryColumn]) { Spacing = Spacing.Small });
        if (m.IntakeOpen && m.EntryOnGrid)
            items.Add(TextBlock.Subtle(CardTexts.WeeklyInput.NextEntryGridHint) with { Size = TextSize.Small, Spacing = Spacing.None });
        items.Add(new TextInput(CardVerbs.DigestRemarksInputId(m.Number))
        {
            Label = CardTexts.WeeklyInput.RemarksLabel,
            Placeholder = CardTexts.WeeklyInput.RemarksPlaceholder,
            Value = m.Remarks,
            IsMultiline = true,
            MaxLength = 500,
            Spacing = Spacing.Small,
        });
        foreach (var error in m.Errors ?? [])
            items.Add(new TextBlock(error) { Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.Small });

        return new Container(items)
        {
            Separator = true,
            Spacing = Spacing.Large,
            Style = m.Errors is { Count: > 0 } ? ContainerStyle.Attention : null,
        };
    }
}
