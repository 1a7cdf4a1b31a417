namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="PlaceRequestDecisionCard"/>.</summary>
/// <param name="MeasureNumber">Maßnahmenummer.</param>
/// <param name="MeasureTitle">Title of the measure.</param>
/// <param name="RequestId">Id of the request.</param>
/// <param name="CustomerRef">Pseudonymous customer reference.</param>
/// <param name="Note">The IFK's note.</param>
/// <param name="IfkName">Who asks.</param>
/// <param name="IfkEmail">Their e-mail address (contact).</param>
/// <param name="EntryDate">Entry date of the held place.</param>
/// <param name="RequestedAt">When the request came in.</param>
/// <param name="FreePlacesNow">Free places now, live (the held place already counted).</param>
/// <param name="State">Pending (decide) or the outcome.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="DeclineReason">Reason given with a decline.</param>
/// <param name="FromWaitlist">The place came from the waiting list.</param>
/// <param name="LiveRefresh">Adds a refresh action without user ids: in a personal chat (at most 60 members) Teams runs it
/// for the viewer whenever the card is shown, so the numbers are live.</param>
/// <param name="Banner">Optional message at the top (e.g. why a decision failed).</param>
public sealed record PlaceRequestDecisionCardData(
    string MeasureNumber,
    string MeasureTitle,
    string RequestId,
    string CustomerRef,
    string? Note,
    string IfkName,
    string? IfkEmail,
    DateOnly? EntryDate,
    DateTimeOffset RequestedAt,
    int FreePlacesNow,
    PlaceRequestState State,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? DeclineReason = null,
    bool FromWaitlist = false,
    bool LiveRefresh = true,
    CardBanner? Banner = null);

/// <summary>
/// R-FREE-2: the card the Betreuer (or Koordinator) gets for a place request: who asks for which customer reference,
/// the held place and the live numbers; "Bestätigen" or "Ablehnen" (optional reason). After the decision it shows the
/// outcome without actions.
/// </summary>
public static class PlaceRequestDecisionCard
{
    public static AdaptiveCard Build(PlaceRequestDecisionCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var requestData = new Dictionary<string, object?>
        {
            [CardVerbs.MeasureNumberKey] = data.MeasureNumber,
            [CardVerbs.PlaceRequestIdKey] = data.RequestId,
        };
        var facts = new List<Fact>
        {
            new(CardTexts.PlaceRequest.Customer, data.CustomerRef),
            new(CardTexts.PlaceRequest.RequestedBy, CardTexts.FreePlaces.Contact(data.IfkName, data.IfkEmail)),
            new(CardTexts.PlaceRequest.RequestedAt, CardTexts.Common.DateTimeForClient(data.RequestedAt)),
            new(CardTexts.PlaceRequest.EntryDate, data.EntryDate is { } e ? CardTexts.Common.Date(e) : CardTexts.Common.Dash),
            new(CardTexts.PlaceRequest.FreeNow, CardTexts.Common.Number(data.FreePlacesNow)),
        };
        if (!string.IsNullOrWhiteSpace(data.Note)) facts.Add(new Fact(CardTexts.PlaceRequest.Note, data.Note));

        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.PlaceRequest.FallbackText(data.CustomerRef, data.MeasureNumber))
            .Add(
                TextBlock.Heading(CardTexts.PlaceRequest.DecisionHeading(data.MeasureTitle)),
                TextBlock.Subtle(CardTexts.PlaceRequest.DecisionSubtitle(data.MeasureNumber)));
        if (data.Banner is { } banner)
            builder.Add(FreePlaceAlertCard.Banner(banner));
        builder.Add(new TextBlock(CardTexts.PlaceRequest.DecisionIntro(data.IfkName, data.CustomerRef)) { Spacing = Spacing.Medium });
        if (data.FromWaitlist)
            builder.Add(TextBlock.Subtle(CardTexts.PlaceRequest.FromWaitlist));
        builder.Add(new FactSet(facts) { Spacing = Spacing.Medium });

        if (data.State == PlaceRequestState.Pending)
        {
            builder.AddAction(
                new ExecuteAction(CardVerbs.PlaceRequestConfirm, CardTexts.PlaceRequest.Confirm)
                {
                    Style = ActionStyle.Positive, Data = requestData, AssociatedInputs = AssociatedInputs.None,
                },
                new ShowCardAction(CardTexts.PlaceRequest.Decline, AdaptiveCard.Create()
                    .Add(new TextInput(CardVerbs.DeclineReasonInput)
                    {
                        Label = CardTexts.PlaceRequest.DeclineReasonLabel, Placeholder = CardTexts.PlaceRequest.DeclineReasonPlaceholder,
                        IsMultiline = true, MaxLength = FreePlaceAlertCard.NoteMaxLength,
                    })
                    .AddAction(new ExecuteAction(CardVerbs.PlaceRequestDecline, CardTexts.PlaceRequest.SendDecline)
                    {
                        Style = ActionStyle.Destructive, Data = requestData,
                    })
                    .Build()));
        }
        else
        {
            builder.Add(new Container(
            [
                new TextBlock(CardTexts.PlaceRequest.Decided(data.State, data.DecidedBy, data.DecidedAt))
                {
                    Weight = TextWeight.Bolder,
                    Color = data.State == PlaceRequestState.Confirmed ? TextColor.Good : TextColor.Attention,
                },
            ]) { Style = data.State == PlaceRequestState.Confirmed ? ContainerStyle.Good : ContainerStyle.Emphasis, Spacing = Spacing.Medium });
            if (data.State == PlaceRequestState.Declined && !string.IsNullOrWhiteSpace(data.DeclineReason))
                builder.Add(TextBlock.Subtle(data.DeclineReason));
        }
        if (data.LiveRefresh)
            builder.WithRefresh(new Refresh(new ExecuteAction(CardVerbs.PlaceRequestDecisionRefresh, CardTexts.Common.Refresh) { Data = requestData }));
        return builder.Build();
    }
}
