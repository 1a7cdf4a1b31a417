namespace TeamsAmdl.Cards;

/// <summary>An opened task after a measure's end (Quality, R-QA-4): the Abschlussbericht to review or the Eingliederungserfolg to record.</summary>
/// <param name="Title">The task as people read it, e.g. "Abschlussbericht des Trägers prüfen".</param>
public sealed record AfterEndTaskItem(string MeasureNumber, string MeasureTitle, string Title, DateOnly Due, bool Overdue);
