namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="PlaceRequestOutcomeCard"/>.</summary>
/// <param name="Measure">The measure with live numbers.</param>
/// <param name="RequestId">Id of the request (for the actions).</param>
/// <param name="CustomerRef">Pseudonymous customer reference.</param>
/// <param name="State">Where the request stands.</param>
/// <param name="EntryDate">Entry date of the held/confirmed place.</param>
/// <param name="DeciderName">Who decides (pending) or decided.</param>
/// <param name="DeclineReason">Reason given with a decline.</param>
/// <param name="WaitlistPosition">1-based position on the waiting list.</param>
/// <param name="FromWaitlist">The place came from the waiting list.</param>
/// <param name="LiveRefresh">Adds a refresh action without user ids: in a personal chat (at most 60 members) Teams runs it
/// for the viewer whenever the card is shown, so the numbers are live.</param>
/// <param name="Banner">Optional message at the top.</param>
/// <param name="BackToMeasures">Measures "Freie Plätze anzeigen" returns to (comma-separated); default: this measure.</param>
public sealed record PlaceRequestOutcomeCardData(
    FreePlaceMeasure Measure,
    string RequestId,
    string CustomerRef,
    PlaceRequestState State,
    DateOnly? EntryDate = null,
    string? DeciderName = null,
    string? DeclineReason = null,
    int? WaitlistPosition = null,
    bool FromWaitlist = false,
    bool LiveRefresh = true,
    CardBanner? Banner = null,
    string? BackToMeasures = null);

/// <summary>
/// R-FREE-2: the IFK's card after "Platz anfragen": where the request stands (place held, confirmed, declined, no
/// place free → waiting list, waiting) with the live numbers of the measure, and the actions that fit the state.
/// Updated by the bot when the Betreuer decides; refreshed by Teams when shown.
/// </summary>
public static class PlaceRequestOutcomeCard
{
    public static AdaptiveCard Build(PlaceRequestOutcomeCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var m = data.Measure;
        var requestData = new Dictionary<string, object?>
        {
            [CardVerbs.MeasureNumberKey] = m.Number,
            [CardVerbs.PlaceRequestIdKey] = data.RequestId,
        };
        var (style, color) = data.State switch
        {
            PlaceRequestState.Confirmed => (ContainerStyle.Good, TextColor.Good),
            PlaceRequestState.Pending or PlaceRequestState.Waitlisted => (ContainerStyle.Accent, TextColor.Accent),
            PlaceRequestState.Withdrawn => (ContainerStyle.Emphasis, TextColor.Default),
            _ => (ContainerStyle.Attention, TextColor.Attention),
        };

        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.PlaceRequest.FallbackText(data.CustomerRef, m.Number))
            .Add(
                TextBlock.Heading(CardTexts.PlaceRequest.Heading(m.Title)),
                TextBlock.Subtle(CardTexts.FreePlaces.Subtitle(m.Number, m.Kind)));
        if (data.Banner is { } banner)
            builder.Add(FreePlaceAlertCard.Banner(banner));
        builder.Add(
            new Container(
            [
                new TextBlock(CardTexts.PlaceRequest.StatusHeadline(data.State)) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Color = color },
                new TextBlock(CardTexts.PlaceRequest.StatusText(data.State, data.CustomerRef, data.DeciderName, data.EntryDate,
                    data.DeclineReason, data.WaitlistPosition, data.FromWaitlist)) { Spacing = Spacing.Small },
            ]) { Style = style, Spacing = Spacing.Medium },
            new FactSet(
            [
                new Fact(CardTexts.PlaceRequest.Customer, data.CustomerRef),
                new Fact(CardTexts.PlaceRequest.FreeNow, m.Offerable ? CardTexts.Common.Number(m.FreePlaces) : CardTexts.FreePlaces.NoPlaceFree),
                data.State is PlaceRequestState.Pending or PlaceRequestState.Confirmed && data.EntryDate is { } entry
                    ? new Fact(CardTexts.PlaceRequest.EntryDate, CardTexts.Common.Date(entry))
                    : new Fact(CardTexts.FreePlaces.NextEntry, m.NextEntryDate is { } e ? CardTexts.Common.Date(e) : CardTexts.Common.Dash),
                new Fact(CardTexts.FreePlaces.Traeger, m.Traeger),
                new Fact(CardTexts.FreePlaces.Location, m.Location),
                new Fact(CardTexts.FreePlaces.Betreuer, CardTexts.FreePlaces.Contact(m.BetreuerName, m.BetreuerEmail)),
            ]) { Spacing = Spacing.Medium });

        switch (data.State)
        {
            case PlaceRequestState.Refused:
                builder.AddAction(new ExecuteAction(CardVerbs.PlaceRequestWaitlist, CardTexts.PlaceRequest.JoinWaitlist)
                {
                    Style = ActionStyle.Positive, Data = requestData, AssociatedInputs = AssociatedInputs.None,
                });
                break;
            case PlaceRequestState.Pending or PlaceRequestState.Confirmed:
                builder.AddAction(new ExecuteAction(CardVerbs.PlaceRequestWithdraw, CardTexts.PlaceRequest.Withdraw)
                {
                    Style = ActionStyle.Destructive, Data = requestData, AssociatedInputs = AssociatedInputs.None,
                });
                break;
            case PlaceRequestState.Waitlisted:
                builder.AddAction(new ExecuteAction(CardVerbs.PlaceRequestWithdraw, CardTexts.PlaceRequest.LeaveWaitlist)
                {
                    Data = requestData, AssociatedInputs = AssociatedInputs.None,
                });
                break;
        }
        builder.AddAction(new ExecuteAction(CardVerbs.FreePlacesRefresh, CardTexts.FreePlaces.ShowFreePlaces)
        {
            Data = new Dictionary<string, object?> { [CardVerbs.FreePlaceMeasuresKey] = string.IsNullOrWhiteSpace(data.BackToMeasures) ? m.Number : data.BackToMeasures },
            AssociatedInputs = AssociatedInputs.None,
        });
        if (data.LiveRefresh)
            builder.WithRefresh(new Refresh(new ExecuteAction(CardVerbs.PlaceRequestRefresh, CardTexts.Common.Refresh) { Data = requestData }));
        return builder.Build();
    }
}
