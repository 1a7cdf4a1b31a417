namespace TeamsAmdl.Cards;

/// <summary>
/// Input of <see cref="MeasureSummaryCard"/>: display values of a Maßnahme (the caller maps its domain model,
/// e.g. the German name of the measure kind and the Träger's name).
/// </summary>
/// <param name="Number">Vergabe-/Maßnahmenummer.</param>
/// <param name="Title">Title of the measure.</param>
/// <param name="Kind">German name of the kind, e.g. "Einkaufsmaßnahme", "DIA-AM".</param>
/// <param name="Traeger">Name of the Träger.</param>
/// <param name="Location">Location (Ort / Standort).</param>
/// <param name="Capacity">Purchased places.</param>
/// <param name="Occupancy">Current participants.</param>
/// <param name="NextEntryDate">Next possible entry date; null when none is set.</param>
/// <param name="Betreuer">Name of the Betreuer:in; null when nobody is assigned.</param>
public sealed record MeasureSummaryData(
    string Number,
    string Title,
    string Kind,
    string Traeger,
    string Location,
    int Capacity,
    int Occupancy,
    DateOnly? NextEntryDate,
    string? Betreuer)
{
    public int FreePlaces => Math.Max(0, Capacity - Occupancy);

    /// <summary>Participants beyond the capacity (0 unless overbooked).</summary>
    public int Overbooked => Math.Max(0, Occupancy - Capacity);
}

/// <summary>Summary of one measure: heading, a free-places highlight and the key facts, with a refresh action.</summary>
public static class MeasureSummaryCard
{
    public static AdaptiveCard Build(MeasureSummaryData m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Capacity < 0 || m.Occupancy < 0)
            throw new ArgumentOutOfRangeException(nameof(m), "Capacity and occupancy must not be negative.");

        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Measure.FallbackText(m.Number, m.Title))
            .Add(
                TextBlock.Heading(m.Title),
                TextBlock.Subtle(CardTexts.Measure.Subtitle(m.Number, m.Kind)),
                FreePlacesHighlight(m),
                new FactSet(
                [
                    new Fact(CardTexts.Measure.Number, m.Number),
                    new Fact(CardTexts.Measure.Kind, m.Kind),
                    new Fact(CardTexts.Measure.Traeger, m.Traeger),
                    new Fact(CardTexts.Measure.Location, m.Location),
                    new Fact(CardTexts.Measure.Capacity, CardTexts.Measure.Places(m.Capacity)),
                    new Fact(CardTexts.Measure.Occupancy, CardTexts.Measure.OccupancyValue(m.Occupancy, m.Capacity)),
                    new Fact(CardTexts.Measure.FreePlaces, CardTexts.Common.Number(m.FreePlaces)),
                    new Fact(CardTexts.Measure.NextEntry,
                        m.NextEntryDate is { } d ? CardTexts.Common.Date(d) : CardTexts.Common.NotSet),
                    new Fact(CardTexts.Measure.Betreuer,
                        string.IsNullOrWhiteSpace(m.Betreuer) ? CardTexts.Common.NotSet : m.Betreuer),
                ]) { Spacing = Spacing.Medium })
            .AddAction(new ExecuteAction(CardVerbs.MeasureRefresh, CardTexts.Common.Refresh)
            {
                Data = new Dictionary<string, object?> { [CardVerbs.MeasureNumberKey] = m.Number },
                AssociatedInputs = AssociatedInputs.None,
            })
            .Build();
    }

    /// <summary>Big number of free places on a green (free), or a red (full/overbooked) background.</summary>
    private static Container FreePlacesHighlight(MeasureSummaryData m)
    {
        if (m.FreePlaces > 0)
        {
            return FreePlacesBlock.Build(m.FreePlaces, CardTexts.Measure.FreePlacesHighlight(m.FreePlaces), CardTexts.Measure.HighlightDetail(m.Capacity, m.NextEntryDate));
        }

        var headline = m.Overbooked > 0 ? CardTexts.Measure.Overbooked(m.Overbooked) : CardTexts.Measure.NoFreePlaces;
        return new Container(
        [
            new TextBlock(headline) { Weight = TextWeight.Bolder, Color = TextColor.Attention },
            TextBlock.Subtle(CardTexts.Measure.HighlightDetail(m.Capacity, m.NextEntryDate)) with { Spacing = Spacing.None },
        ]) { Style = ContainerStyle.Attention, Spacing = Spacing.Medium };
    }
}
