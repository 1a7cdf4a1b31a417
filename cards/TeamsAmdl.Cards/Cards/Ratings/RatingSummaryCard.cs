namespace TeamsAmdl.Cards;

/// <summary>An answer as listed on the summary.</summary>
/// <param name="Value">Formatted, e.g. "3 – gut".</param>
public sealed record RatingAnswerRow(int Number, string Question, string Value);

/// <summary>Answers of one section with its average.</summary>
public sealed record RatingSectionSummary(string Section, string Average, IReadOnlyList<RatingAnswerRow> Answers);

/// <summary>Input of <see cref="RatingSummaryCard"/>.</summary>
/// <param name="HardAverage">Formatted average, e.g. "2,86".</param>
/// <param name="BadValues">Bad values with the texts typed so far and what is missing (after a rejected submit).</param>
/// <param name="Incomplete">German lines naming pages not yet complete; submitting is refused while there are any.</param>
/// <param name="Errors">Other German problems with the last input (nothing stored).</param>
/// <param name="Info">A confirmation, e.g. "Entwurf gespeichert".</param>
public sealed record RatingSummaryCardData(
    RatingHeaderData Header,
    int Page,
    int PageCount,
    string HardAverage,
    string SoftAverage,
    string Threshold,
    IReadOnlyList<RatingSectionSummary> Sections,
    IReadOnlyList<RatingBadValueView> BadValues,
    IReadOnlyList<string>? Incomplete = null,
    IReadOnlyList<string>? Errors = null,
    string? Info = null,
    bool ShowMissing = false,
    string? AssessorUserId = null);

/// <summary>
/// The last page: averages, the "auffällig" result and, for every bad value, a Begründung and a Handlungsempfehlung
/// field. "Bewertung absenden" submits; the bot refuses an auffällig rating until every bad value has both texts and
/// then shows this card again with the missing ones marked.
/// </summary>
public static class RatingSummaryCard
{
    public const int MaxTextLength = 2000;

    public static AdaptiveCard Build(RatingSummaryCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var h = d.Header;
        var auffaellig = d.BadValues.Count > 0;
        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Ratings.SummaryFallback(h.Traeger))
            .Add(RatingCardParts.Header(h, CardTexts.Ratings.SummaryOf(d.Page, d.PageCount)))
            .Add(new FactSet(
            [
                new(CardTexts.Ratings.AverageHard, d.HardAverage),
                new(CardTexts.Ratings.AverageSoft, d.SoftAverage),
                new(CardTexts.Ratings.ThresholdLabel, CardTexts.Ratings.ThresholdValue(d.Threshold)),
                RatingCardParts.Deadline(h),
            ]) { Spacing = Spacing.Small });

        if (d.Info is not null) builder.Add(RatingCardParts.Info(d.Info));
        if (RatingCardParts.Problems(CardTexts.Ratings.Incomplete, d.Incomplete ?? []) is { } incomplete) builder.Add(incomplete);
        if (RatingCardParts.Problems(CardTexts.Ratings.ErrorHeading, d.Errors ?? []) is { } errors) builder.Add(errors);
        var missing = d.ShowMissing
            ? d.BadValues.Where(b => b.BegruendungMissing || b.HandlungsempfehlungMissing).ToList()
            : [];
        if (missing.Count > 0)
            builder.Add(RatingCardParts.Problems(CardTexts.Ratings.NotAcceptedHeading(missing.Count),
                missing.Select(b => CardTexts.Ratings.MissingLine(b.ShortTitle, b.BegruendungMissing, b.HandlungsempfehlungMissing)).ToList())!);

        builder.Add(auffaellig
            ? new Container(
            [
                new TextBlock(CardTexts.Ratings.ResultAuffaellig) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Size = TextSize.Medium },
                new TextBlock(CardTexts.Ratings.ResultAuffaelligText(d.BadValues.Count)) { Spacing = Spacing.Small },
            ]) { Style = ContainerStyle.Warning, Spacing = Spacing.Medium }
            : new Container(
            [
                new TextBlock(CardTexts.Ratings.ResultOk) { Weight = TextWeight.Bolder, Color = TextColor.Good, Size = TextSize.Medium },
                new TextBlock(CardTexts.Ratings.ResultOkText) { Spacing = Spacing.Small },
            ]) { Style = ContainerStyle.Good, Spacing = Spacing.Medium });

        foreach (var b in d.BadValues)
        {
            var items = new List<CardElement> { new TextBlock(b.Title) { Weight = TextWeight.Bolder } };
            if (d.ShowMissing && (b.BegruendungMissing || b.HandlungsempfehlungMissing))
                items.Add(new TextBlock(CardTexts.Ratings.Missing(b.BegruendungMissing, b.HandlungsempfehlungMissing))
                    { Color = TextColor.Attention, Spacing = Spacing.None });
            items.Add(new TextInput(CardVerbs.RatingBegruendungPrefix + b.Key)
            {
                Label = CardTexts.Ratings.Begruendung,
                Placeholder = CardTexts.Ratings.BegruendungPlaceholder,
                IsMultiline = true,
                MaxLength = MaxTextLength,
                Value = RatingCardParts.Clip(b.Begruendung, MaxTextLength),
            });
            items.Add(new TextInput(CardVerbs.RatingEmpfehlungPrefix + b.Key)
            {
                Label = CardTexts.Ratings.Handlungsempfehlung,
                Placeholder = CardTexts.Ratings.EmpfehlungPlaceholder,
                IsMultiline = true,
                MaxLength = MaxTextLength,
                Value = RatingCardParts.Clip(b.Handlungsempfehlung, MaxTextLength),
            });
            builder.Add(new Container(items) { Spacing = Spacing.Medium, Separator = true });
        }

        builder.Add(new TextBlock(CardTexts.Ratings.AnswersHeading) { Weight = TextWeight.Bolder, Spacing = Spacing.Large, Separator = true });
        foreach (var s in d.Sections)
        {
            var rows = new List<TableRow> { TableRow.OfTexts(true, CardTexts.Ratings.SectionHeader(s.Section, s.Average), CardTexts.Ratings.ValueColumn) };
            rows.AddRange(s.Answers.Select(a => TableRow.OfTexts(CardTexts.Ratings.QuestionLabel(a.Number, a.Question), a.Value)));
            builder.Add(new Table([TableColumn.Weighted(4), TableColumn.Weighted(1)], rows)
            {
                FirstRowAsHeader = true, ShowGridLines = false, Spacing = Spacing.Small,
            });
        }

        builder.AddAction(new ExecuteAction(CardVerbs.RatingOpen, CardTexts.Ratings.Back)
        {
            Data = RatingCardParts.Data(h, d.Page - 1),
            AssociatedInputs = AssociatedInputs.None,
        });
        if (auffaellig)
            builder.AddAction(new ExecuteAction(CardVerbs.RatingSaveDraft, CardTexts.Ratings.SaveDraft)
            {
                Data = RatingCardParts.Data(h),
                AssociatedInputs = AssociatedInputs.Auto,
            });
        builder.AddAction(new ExecuteAction(CardVerbs.RatingSubmit, CardTexts.Ratings.Submit)
        {
            Style = ActionStyle.Positive,
            Data = RatingCardParts.Data(h),
            AssociatedInputs = AssociatedInputs.Auto,
        });
        return builder.WithAssessorRefresh(h, d.AssessorUserId).Build();
    }
}
