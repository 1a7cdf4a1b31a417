namespace TeamsAmdl.Cards;

/// <summary>State of a place request as the cards show it (mirrors the domain's PlaceRequestStatus).</summary>
public enum PlaceRequestState { Pending, Confirmed, Declined, Withdrawn, Refused, Waitlisted }

/// <summary>Kind of a banner line at the top of a card.</summary>
public enum CardBannerKind { Info, Good, Attention }

/// <summary>A short German message at the top of a card (e.g. "stummgeschaltet", or why an input was refused).</summary>
public sealed record CardBanner(CardBannerKind Kind, string Text);

/// <summary>More facts of a measure, shown after "Details".</summary>
public sealed record FreePlaceMeasureDetails(string LegalBasis, DateOnly Start, DateOnly End, int Capacity, int Occupied, int Held,
    int Waiting, decimal? RemainingTm = null);

/// <summary>One measure on a free-place card, with display values mapped by the caller (live numbers).</summary>
/// <param name="FreePlaces">Free places for <paramref name="NextEntryDate"/> now (0: shown as taken).</param>
/// <param name="IntakeDeadline">Last entry day (UB: end of month 12).</param>
/// <param name="IntakeOpen">False when the measure takes nobody any more.</param>
/// <param name="MyRequest">The viewer's own open request for this measure, if any (user-specific view).</param>
public sealed record FreePlaceMeasure(
    string Number,
    string Title,
    string Kind,
    string Traeger,
    string Location,
    int FreePlaces,
    DateOnly? NextEntryDate,
    DateOnly? IntakeDeadline,
    bool IntakeOpen,
    string? TargetGroup,
    string? BetreuerName,
    string? BetreuerEmail,
    bool Muted = false,
    (string CustomerRef, PlaceRequestState State)? MyRequest = null,
    FreePlaceMeasureDetails? Details = null)
{
    public bool Offerable => IntakeOpen && FreePlaces > 0;
}

/// <summary>Input of <see cref="FreePlaceAlertCard"/>.</summary>
/// <param name="Measures">One measure, or several bundled into one card.</param>
/// <param name="LeftOut">Further measures with free places not on this card.</param>
/// <param name="LiveRefresh">Adds a refresh action without user ids: in a personal chat (at most 60 members) Teams runs it
/// for the viewer whenever the card is shown, so the numbers are live.</param>
/// <param name="Banner">Optional message at the top.</param>
/// <param name="Detailed">Show the details of every measure.</param>
/// <param name="CustomerRef">Pre-fills the request form (after a refused input).</param>
/// <param name="Note">Pre-fills the note.</param>
public sealed record FreePlaceAlertCardData(
    IReadOnlyList<FreePlaceMeasure> Measures,
    int LeftOut = 0,
    bool LiveRefresh = true,
    CardBanner? Banner = null,
    bool Detailed = false,
    string? CustomerRef = null,
    string? Note = null)
{
    public string MeasureList => string.Join(",", Measures.Select(m => m.Number));
}

/// <summary>
/// R-FREE-1/-2: the free-place alert an IFK gets in Teams. Per measure: title, Träger, location, free places now,
/// next entry date, intake deadline, target group and Betreuer contact. Actions: "Platz anfragen" (pseudonymous
/// customer reference + optional note), "Details", "Stummschalten". A refresh action makes Teams reload the live
/// numbers whenever the card is shown, so a taken place never shows as free.
/// </summary>
public static class FreePlaceAlertCard
{
    /// <summary>Client-side shape check of the customer reference (the bot checks it again, R-SEC-1).</summary>
    public const string CustomerRefRegex = "^\\s*[A-Za-z0-9][A-Za-z0-9-]{2,22}[A-Za-z0-9]\\s*$";

    public const int NoteMaxLength = 300;

    public static AdaptiveCard Build(FreePlaceAlertCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Measures.Count == 0) throw new ArgumentException("A free-place card needs at least one measure.", nameof(data));
        var single = data.Measures.Count == 1;
        var first = data.Measures[0];
        var measureData = new Dictionary<string, object?> { [CardVerbs.FreePlaceMeasuresKey] = data.MeasureList };

        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.FreePlaces.FallbackText(data.Measures.Count, data.Measures.Sum(m => m.FreePlaces)))
            .Add(TextBlock.Heading(single ? CardTexts.FreePlaces.Heading(first.Title) : CardTexts.FreePlaces.BundleHeading(data.Measures.Count)));
        if (single)
            builder.Add(TextBlock.Subtle(CardTexts.FreePlaces.Subtitle(first.Number, first.Kind)));
        if (data.Banner is { } banner)
            builder.Add(Banner(banner));

        for (var i = 0; i < data.Measures.Count; i++)
            builder.AddRange(MeasureBlock(data.Measures[i], single, data.Detailed, i));
        if (data.LeftOut > 0)
            builder.Add(TextBlock.Subtle(CardTexts.FreePlaces.LeftOut(data.LeftOut)) with { Spacing = Spacing.Medium });

        // Full measures stay requestable while the intake is open: a request that finds no place can join the waiting list.
        var offerable = data.Measures.Where(m => m.IntakeOpen).OrderByDescending(m => m.FreePlaces).ToList();
        if (offerable.Count > 0)
            builder.AddAction(new ShowCardAction(CardTexts.FreePlaces.Request, RequestForm(data, offerable)) { Style = ActionStyle.Positive });
        builder.AddAction(new ExecuteAction(data.Detailed ? CardVerbs.FreePlacesRefresh : CardVerbs.FreePlacesDetails,
            data.Detailed ? CardTexts.FreePlaces.LessDetails : CardTexts.FreePlaces.Details)
        {
            Data = measureData, AssociatedInputs = AssociatedInputs.None,
        });
        if (single)
        {
            builder.AddAction(first.Muted
                ? new ExecuteAction(CardVerbs.FreePlacesUnmute, CardTexts.FreePlaces.Unmute)
                {
                    Data = WithMeasure(measureData, first.Number), AssociatedInputs = AssociatedInputs.None,
                }
                : new ExecuteAction(CardVerbs.FreePlacesMute, CardTexts.FreePlaces.Mute)
                {
                    Data = WithMeasure(measureData, first.Number), AssociatedInputs = AssociatedInputs.None,
                });
        }
        else if (data.Measures.Any(m => !m.Muted))
        {
            builder.AddAction(new ShowCardAction(CardTexts.FreePlaces.Mute, MuteForm(data, measureData)));
        }

        if (data.LiveRefresh)
            builder.WithRefresh(new Refresh(new ExecuteAction(CardVerbs.FreePlacesRefresh, CardTexts.Common.Refresh) { Data = measureData }));
        return builder.Build();
    }

    internal static Container Banner(CardBanner banner) => new([
        new TextBlock(banner.Text)
        {
            Weight = TextWeight.Bolder,
            Color = banner.Kind switch { CardBannerKind.Good => TextColor.Good, CardBannerKind.Attention => TextColor.Attention, _ => null },
        },
    ])
    {
        Style = banner.Kind switch { CardBannerKind.Good => ContainerStyle.Good, CardBannerKind.Attention => ContainerStyle.Attention, _ => ContainerStyle.Emphasis },
        Spacing = Spacing.Medium,
    };

    private static IEnumerable<CardElement> MeasureBlock(FreePlaceMeasure m, bool single, bool detailed, int index)
    {
        var items = new List<CardElement>();
        if (!single)
        {
            items.Add(new TextBlock(m.Title) { Weight = TextWeight.Bolder, Size = TextSize.Medium });
            items.Add(TextBlock.Subtle(CardTexts.FreePlaces.Subtitle(m.Number, m.Kind)) with { Spacing = Spacing.None });
        }
        items.Add(Highlight(m));
        var facts = new List<Fact>
        {
            new(CardTexts.FreePlaces.Traeger, m.Traeger),
            new(CardTexts.FreePlaces.Location, m.Location),
            new(CardTexts.FreePlaces.NextEntry, m.NextEntryDate is { } e ? CardTexts.Common.Date(e) : CardTexts.Common.Dash),
            new(CardTexts.FreePlaces.IntakeDeadline, m.IntakeDeadline is { } d ? CardTexts.Common.Date(d) : CardTexts.Common.Dash),
        };
        if (!string.IsNullOrWhiteSpace(m.TargetGroup)) facts.Add(new Fact(CardTexts.FreePlaces.TargetGroup, m.TargetGroup));
        facts.Add(new Fact(CardTexts.FreePlaces.Betreuer, CardTexts.FreePlaces.Contact(m.BetreuerName, m.BetreuerEmail)));
        if (m.MyRequest is { } mine)
            facts.Add(new Fact(CardTexts.FreePlaces.MyRequest, $"{mine.CustomerRef}: {CardTexts.PlaceRequest.StatusHeadline(mine.State)}"));
        if (m.Muted) facts.Add(new Fact(CardTexts.FreePlaces.Muted, CardTexts.FreePlaces.MutedValue));
        items.Add(new FactSet(facts) { Spacing = Spacing.Small });
        if (detailed && m.Details is { } x)
        {
            var more = new List<Fact>
            {
                new(CardTexts.FreePlaces.Number, m.Number),
                new(CardTexts.FreePlaces.LegalBasis, x.LegalBasis),
                new(CardTexts.FreePlaces.Period, CardTexts.FreePlaces.PeriodValue(x.Start, x.End)),
                new(CardTexts.FreePlaces.Capacity, CardTexts.Common.Number(x.Capacity)),
                new(CardTexts.FreePlaces.Occupied, CardTexts.Common.Number(x.Occupied)),
                new(CardTexts.FreePlaces.Held, CardTexts.Common.Number(x.Held)),
                new(CardTexts.FreePlaces.Waiting, CardTexts.FreePlaces.WaitingValue(x.Waiting)),
            };
            if (x.RemainingTm is { } tm) more.Add(new Fact(CardTexts.FreePlaces.RemainingTm, CardTexts.FreePlaces.Tm(tm)));
            items.Add(new FactSet(more) { Spacing = Spacing.Small, Separator = true });
        }
        if (single) return items;
        return [new Container(items) { Separator = true, Spacing = index == 0 ? Spacing.Medium : Spacing.Large }];
    }

    private static Container Highlight(FreePlaceMeasure m)
    {
        if (m.Offerable)
        {
            return FreePlacesBlock.Build(m.FreePlaces, CardTexts.FreePlaces.FreeLabel(m.FreePlaces), CardTexts.FreePlaces.EntryDetail(m.NextEntryDate, m.IntakeDeadline));
        }
        return new Container(
        [
            new TextBlock(m.IntakeOpen ? CardTexts.FreePlaces.NoPlaceFree : CardTexts.FreePlaces.IntakeClosed)
                { Weight = TextWeight.Bolder, Color = TextColor.Attention },
            TextBlock.Subtle(m.IntakeOpen ? CardTexts.FreePlaces.NoPlaceFreeDetail : CardTexts.FreePlaces.EntryDetail(m.NextEntryDate, m.IntakeDeadline))
                with { Spacing = Spacing.None },
        ]) { Style = ContainerStyle.Attention, Spacing = Spacing.Medium };
    }

    private static AdaptiveCard RequestForm(FreePlaceAlertCardData data, IReadOnlyList<FreePlaceMeasure> offerable)
    {
        var form = AdaptiveCard.Create();
        var actionData = new Dictionary<string, object?> { [CardVerbs.FreePlaceMeasuresKey] = data.MeasureList };
        if (offerable.Count == 1)
            actionData[CardVerbs.MeasureNumberKey] = offerable[0].Number;
        else
            form.Add(new ChoiceSetInput(CardVerbs.MeasureChoiceInput,
                offerable.Select(m => new Choice($"{m.Title} ({m.Number})", m.Number)).ToList())
            {
                Label = CardTexts.FreePlaces.MeasureChoiceLabel, IsRequired = true, ErrorMessage = CardTexts.FreePlaces.MeasureChoiceError,
                Style = ChoiceInputStyle.Compact, Value = offerable[0].Number,
            });
        form.Add(
            new TextInput(CardVerbs.CustomerRefInput)
            {
                Label = CardTexts.FreePlaces.CustomerRefLabel, Placeholder = CardTexts.FreePlaces.CustomerRefPlaceholder, IsRequired = true,
                ErrorMessage = CardTexts.FreePlaces.CustomerRefError, Regex = CustomerRefRegex, MaxLength = 40,
                Value = string.IsNullOrWhiteSpace(data.CustomerRef) ? null : data.CustomerRef,
            },
            new TextInput(CardVerbs.NoteInput)
            {
                Label = CardTexts.FreePlaces.NoteLabel, Placeholder = CardTexts.FreePlaces.NotePlaceholder, IsMultiline = true,
                MaxLength = NoteMaxLength, Value = string.IsNullOrWhiteSpace(data.Note) ? null : data.Note,
            },
            TextBlock.Subtle(CardTexts.FreePlaces.PrivacyHint) with { Size = TextSize.Small });
        form.AddAction(new ExecuteAction(CardVerbs.FreePlacesRequest, CardTexts.FreePlaces.SendRequest)
        {
            Style = ActionStyle.Positive, Data = actionData,
        });
        return form.Build();
    }

    private static AdaptiveCard MuteForm(FreePlaceAlertCardData data, IReadOnlyDictionary<string, object?> measureData) =>
        AdaptiveCard.Create()
            .Add(new ChoiceSetInput(CardVerbs.MuteChoiceInput,
                data.Measures.Where(m => !m.Muted).Select(m => new Choice($"{m.Title} ({m.Number})", m.Number)).ToList())
            {
                Label = CardTexts.FreePlaces.MuteChoiceLabel, IsRequired = true, ErrorMessage = CardTexts.FreePlaces.MuteChoiceError,
                Style = ChoiceInputStyle.Expanded, IsMultiSelect = true,
            })
            .AddAction(new ExecuteAction(CardVerbs.FreePlacesMute, CardTexts.FreePlaces.MuteSelected) { Data = measureData })
            .Build();

    private static Dictionary<string, object?> WithMeasure(IReadOnlyDictionary<string, object?> data, string number) =>
        new(data) { [CardVerbs.MeasureNumberKey] = number };
}
