namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="InspectionReminderCard"/>.</summary>
public sealed record InspectionReminderCardData(string MeasureNumber, string MeasureTitle, string Traeger, string InspectionId, string KindText,
    string StatusText, DateOnly Date, int DaysLeft);

/// <summary>R-QA-1: reminder 14 and 2 days before an inspection, to Koordinator and Betreuer, with "Termin bestätigen / verschieben".</summary>
public static class InspectionReminderCard
{
    public static AdaptiveCard Build(InspectionReminderCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var data = new Dictionary<string, object?> { [CardVerbs.MeasureNumberKey] = d.MeasureNumber, [CardVerbs.InspectionIdKey] = d.InspectionId };
        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Quality.ReminderFallback(d.MeasureNumber, d.Date))
            .Add(
                new TextBlock(CardTexts.Quality.ReminderTitle(d.DaysLeft)) { Weight = TextWeight.Bolder, Color = TextColor.Warning, Size = TextSize.Medium },
                TextBlock.Subtle(CardTexts.Quality.Subtitle(d.MeasureNumber, d.MeasureTitle)) with { Spacing = Spacing.None },
                new TextBlock(CardTexts.Quality.ReminderText) { Spacing = Spacing.Medium },
                new FactSet(
                [
                    new(CardTexts.Quality.Traeger, d.Traeger),
                    new(CardTexts.Quality.Date, CardTexts.Common.Date(d.Date)),
                    new(CardTexts.Quality.Kind, d.KindText),
                    new(CardTexts.Quality.Status, d.StatusText),
                ]) { Spacing = Spacing.Small })
            .AddAction(
                new ExecuteAction(CardVerbs.InspectionConfirm, CardTexts.Quality.Confirm)
                {
                    Style = ActionStyle.Positive, Data = data, AssociatedInputs = AssociatedInputs.None,
                },
                new ShowCardAction(CardTexts.Quality.Reschedule, AdaptiveCard.Create()
                    .Add(new DateInput(CardVerbs.InspectionDateInput) { Label = CardTexts.Quality.NewDate, Value = d.Date, IsRequired = true, ErrorMessage = CardTexts.Quality.NewDateMissing })
                    .AddAction(new ExecuteAction(CardVerbs.InspectionReschedule, CardTexts.Quality.SaveNewDate) { Data = data })
                    .Build()))
            .Build();
    }
}
