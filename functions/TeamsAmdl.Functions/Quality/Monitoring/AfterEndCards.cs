using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>Maps an after-end task to its card (task, reminder, done).</summary>
public static class AfterEndCards
{
    public static AdaptiveCard Build(AfterEndTaskRow task, Measure measure, string traeger, int participants, bool reminder = false,
        string? doneByName = null, DateOnly? doneOn = null) =>
        AfterEndTaskCard.Build(new AfterEndTaskCardData(
            task.Kind == AfterEndTaskKind.Abschlussbericht ? QualityTaskKind.Abschlussbericht : QualityTaskKind.Eingliederungserfolg,
            measure.Number, measure.Title, traeger, measure.End, task.DueOn, participants, reminder,
            doneByName is not null && doneOn is { } on ? (doneByName, on) : null,
            task is { Integrated: { } yes, NotIntegrated: { } no } ? (yes, no) : null));
}
