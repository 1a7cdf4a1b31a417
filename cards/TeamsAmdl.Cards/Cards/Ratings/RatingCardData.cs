namespace TeamsAmdl.Cards;

/// <summary>
/// What every rating card shows at the top: the request (id for the actions), measure, Träger, kind and deadline.
/// Plain display values; the caller maps its domain model (the Cards project does not know the domain).
/// </summary>
/// <param name="Kind">Display name of the kind, e.g. "Regelbewertung während der Maßnahme".</param>
/// <param name="DaysLeft">Days from today to the deadline (0 = today, negative = overdue).</param>
public sealed record RatingHeaderData(
    string RatingId,
    string MeasureNumber,
    string MeasureTitle,
    string Traeger,
    string Kind,
    DateOnly Deadline,
    int DaysLeft);

/// <summary>Which value of a rating is bad (mirror of the domain's BadValueKind).</summary>
public enum RatingBadValueKind
{
    HardFactsAverage,
    SoftFactsAverage,
    SoftFactsQuestion,
}

/// <summary>A bad value with the assessor's texts (summary inputs, submitted/flagged cards).</summary>
/// <param name="Key">Input id suffix (b_{Key}, h_{Key}), e.g. "avg-hard", "q-s3".</param>
/// <param name="Value">Formatted value, e.g. "1,86" or "1".</param>
/// <param name="QuestionNumber">For a Soft Facts question: its number in the questionnaire.</param>
public sealed record RatingBadValueView(
    string Key,
    RatingBadValueKind Kind,
    string Value,
    int? QuestionNumber = null,
    string? QuestionText = null,
    string? Begruendung = null,
    string? Handlungsempfehlung = null,
    bool BegruendungMissing = false,
    bool HandlungsempfehlungMissing = false)
{
    public string Title => CardTexts.Ratings.BadValueTitle(Kind, Value, QuestionNumber, QuestionText);

    public string ShortTitle => CardTexts.Ratings.BadValueShortTitle(Kind, Value, QuestionNumber, QuestionText);
}

/// <summary>A point of the scale, best first on the cards.</summary>
public sealed record RatingScaleChoice(int Value, string? Label);

/// <summary>Shared pieces of the rating cards.</summary>
internal static class RatingCardParts
{
    public static CardElement[] Header(RatingHeaderData h, string? line = null)
    {
        var list = new List<CardElement>
        {
            TextBlock.Heading(CardTexts.Ratings.Title(h.Traeger)),
            TextBlock.Subtle(CardTexts.Ratings.Subtitle(h.MeasureNumber, h.MeasureTitle)) with { Spacing = Spacing.None },
        };
        if (line is not null) list.Add(new TextBlock(line) { Weight = TextWeight.Bolder, Spacing = Spacing.Small });
        return list.ToArray();
    }

    public static Fact Deadline(RatingHeaderData h) =>
        new(CardTexts.Ratings.Deadline, CardTexts.Ratings.DeadlineValue(h.Deadline, h.DaysLeft));

    /// <summary>The red banner of the cards that ask someone to act (auffällig, overdue).</summary>
    public static Container AttentionBanner(string title, string text) => new(
    [
        new TextBlock(title) { Weight = TextWeight.Bolder, Size = TextSize.Large, Color = TextColor.Attention },
        new TextBlock(text) { Spacing = Spacing.Small },
    ]) { Style = ContainerStyle.Attention, Bleed = true };

    /// <summary>Measure, Träger, kind and assessor: the first facts of the cards about one rating.</summary>
    public static Fact[] RatingFacts(RatingHeaderData h, string assessor) =>
    [
        Measure(h),
        new(CardTexts.Ratings.Traeger, h.Traeger),
        new(CardTexts.Ratings.Kind, h.Kind),
        new(CardTexts.Ratings.Assessor, assessor),
    ];

    public static Fact Measure(RatingHeaderData h) => new(CardTexts.Ratings.Measure, CardTexts.Ratings.MeasureValue(h.MeasureNumber, h.MeasureTitle));

    public static Dictionary<string, object?> Data(RatingHeaderData h, int? page = null)
    {
        var d = new Dictionary<string, object?> { [CardVerbs.RatingIdKey] = h.RatingId };
        if (page is { } p) d[CardVerbs.RatingPageKey] = p;
        return d;
    }

    /// <summary>Teams asks for the current view when the assessor opens the chat again (drafts survive closing Teams).</summary>
    public static AdaptiveCardBuilder WithAssessorRefresh(this AdaptiveCardBuilder builder, RatingHeaderData h, string? assessorUserId) =>
        string.IsNullOrWhiteSpace(assessorUserId)
            ? builder
            : builder.WithRefresh(Refresh.ForUsers(CardVerbs.RatingOpen, [assessorUserId], Data(h)));

    /// <summary>A red box with a heading and one line per problem; null when there are none.</summary>
    public static Container? Problems(string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return null;
        var items = new List<CardElement> { new TextBlock(heading) { Weight = TextWeight.Bolder, Color = TextColor.Attention } };
        items.AddRange(lines.Select(l => new TextBlock("• " + l) { Spacing = Spacing.Small, Color = TextColor.Attention }));
        return new Container(items) { Style = ContainerStyle.Attention, Spacing = Spacing.Medium };
    }

    /// <summary>A typed text shown again after it was refused: at most <paramref name="max"/> characters (the card says it was too long).</summary>
    public static string? Clip(string? text, int max) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= max ? text : text[..max];

    public static Container Info(string text) =>
        new([new TextBlock(text) { Color = TextColor.Good }]) { Style = ContainerStyle.Good, Spacing = Spacing.Medium };

    /// <summary>The bad values with their texts (read-only), for the submitted and the flagged card.</summary>
    public static IEnumerable<CardElement> BadValuesReadOnly(IReadOnlyList<RatingBadValueView> badValues)
    {
        foreach (var b in badValues)
        {
            yield return new Container(
            [
                new TextBlock(b.Title) { Weight = TextWeight.Bolder, Color = TextColor.Attention },
                new FactSet(
                [
                    new Fact(CardTexts.Ratings.Begruendung, string.IsNullOrWhiteSpace(b.Begruendung) ? CardTexts.Common.Dash : b.Begruendung),
                    new Fact(CardTexts.Ratings.Handlungsempfehlung,
                        string.IsNullOrWhiteSpace(b.Handlungsempfehlung) ? CardTexts.Common.Dash : b.Handlungsempfehlung),
                ]) { Spacing = Spacing.Small },
            ]) { Spacing = Spacing.Medium, Separator = true };
        }
    }
}
