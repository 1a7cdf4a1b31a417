namespace TeamsAmdl.Cards;

/// <summary>Input of <see cref="MyTasksCard"/>: one person's open tasks, each list already in display order.</summary>
public sealed record MyTasksCardData(
    string? UserName,
    IReadOnlyList<OpenRatingTask> Ratings,
    IReadOnlyList<WeeklyInputTask> WeeklyInputs,
    IReadOnlyList<PlaceDecisionTask> Decisions,
    IReadOnlyList<DeadlineTask>? Deadlines = null,
    IReadOnlyList<AfterEndTaskItem>? AfterEnd = null);

/// <summary>
/// The bot's answer to "meine aufgaben": open rating pages, missing weekly inputs and place requests to decide, each
/// with a button to the verb that opens it (the answer replaces this card). Sections without entries are left out.
/// </summary>
public static class MyTasksCard
{
    /// <summary>Entries shown per section; the rest is counted ("… und 3 weitere"): a chat card must stay short.</summary>
    public const int MaxPerSection = 5;

    public static AdaptiveCard Build(MyTasksCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.MyTasks.FallbackText)
            .Add(TextBlock.Heading(CardTexts.MyTasks.Title));
        if (data.Ratings.Count + data.WeeklyInputs.Count + data.Decisions.Count + (data.Deadlines?.Count ?? 0) + (data.AfterEnd?.Count ?? 0) == 0)
            return builder.Add(new TextBlock(CardTexts.MyTasks.Nothing) { Spacing = Spacing.Small }).Build();

        builder.Add(new TextBlock(CardTexts.MyTasks.Greeting(data.UserName)) { Spacing = Spacing.Small });
        Section(builder, CardTexts.MyTasks.RatingsHeading, data.Ratings, r => Entry(
            CardTexts.MyTasks.RatingTitle(r.MeasureNumber, r.Traeger),
            CardTexts.MyTasks.RatingDetail(r.Deadline, r.Answered, r.QuestionCount),
            new ExecuteAction(CardVerbs.RatingOpen, CardTexts.MyTasks.RatingAction)
            {
                Data = new Dictionary<string, object?> { [CardVerbs.RatingIdKey] = r.RatingId },
                AssociatedInputs = AssociatedInputs.None,
            }));
        Section(builder, CardTexts.MyTasks.WeeklyInputsHeading, data.WeeklyInputs, w => Entry(
            CardTexts.MyTasks.WeeklyInputTitle(w.WeekLabel),
            CardTexts.MyTasks.WeeklyInputDetail(w.MeasureNumbers.Count),
            new ExecuteAction(CardVerbs.DigestInputEdit, CardTexts.MyTasks.WeeklyInputAction)
            {
                Data = new Dictionary<string, object?> { [CardVerbs.DigestWeekKey] = w.Week, [CardVerbs.DigestMeasuresKey] = w.MeasureNumbers.ToArray() },
                AssociatedInputs = AssociatedInputs.None,
            }));
        Section(builder, CardTexts.MyTasks.DecisionsHeading, data.Decisions, d => Entry(
            CardTexts.MyTasks.DecisionTitle(d.MeasureNumber, d.MeasureTitle),
            CardTexts.MyTasks.DecisionDetail(d.CustomerRef, d.IfkName),
            new ExecuteAction(CardVerbs.PlaceRequestDecisionRefresh, CardTexts.MyTasks.DecisionAction)
            {
                Data = new Dictionary<string, object?> { [CardVerbs.MeasureNumberKey] = d.MeasureNumber, [CardVerbs.PlaceRequestIdKey] = d.RequestId },
                AssociatedInputs = AssociatedInputs.None,
            }));
        Section(builder, CardTexts.MyTasks.DeadlinesHeading, data.Deadlines ?? [], d => new Container([
            new TextBlock(CardTexts.MyTasks.DeadlineTitle(d.Label, d.CustomerRef)) { Weight = TextWeight.Bolder },
            TextBlock.Subtle(CardTexts.MyTasks.DeadlineDetail(d.MeasureNumber, d.MeasureTitle, d.Due, d.Overdue)) with { Spacing = Spacing.None },
        ]) { Spacing = Spacing.Medium });
        Section(builder, CardTexts.MyTasks.AfterEndHeading, data.AfterEnd ?? [], t => new Container([
            new TextBlock(CardTexts.MyTasks.AfterEndTitle(t.Title, t.MeasureNumber)) { Weight = TextWeight.Bolder },
            TextBlock.Subtle(CardTexts.MyTasks.AfterEndDetail(t.MeasureTitle, t.Due, t.Overdue)) with { Spacing = Spacing.None },
        ]) { Spacing = Spacing.Medium });
        return builder.Build();
    }

    private static void Section<T>(AdaptiveCardBuilder builder, string heading, IReadOnlyList<T> items, Func<T, Container> entry)
    {
        if (items.Count == 0) return;
        builder.Add(new TextBlock(heading) { Weight = TextWeight.Bolder, Spacing = Spacing.Large, Separator = true });
        foreach (var item in items.Take(MaxPerSection))
            builder.Add(entry(item));
        if (items.Count > MaxPerSection)
            builder.Add(TextBlock.Subtle(CardTexts.MyTasks.More(items.Count - MaxPerSection)) with { Spacing = Spacing.Small });
    }

    private static Container Entry(string title, string detail, ExecuteAction action) =>
        new([
            new TextBlock(title) { Weight = TextWeight.Bolder },
            TextBlock.Subtle(detail) with { Spacing = Spacing.None },
            new ActionSet([action]) { Spacing = Spacing.Small },
        ]) { Spacing = Spacing.Medium };
}
