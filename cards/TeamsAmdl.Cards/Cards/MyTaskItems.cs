namespace TeamsAmdl.Cards;

/// <summary>An assessor's open rating page (Ratings): opens the questionnaire where they left off.</summary>
public sealed record OpenRatingTask(string RatingId, string MeasureNumber, string Traeger, DateOnly Deadline, int Answered, int QuestionCount);

/// <summary>A Betreuer's weekly input still missing (Digest): <paramref name="MeasureNumbers"/> are the measures without input.</summary>
public sealed record WeeklyInputTask(string Week, string WeekLabel, IReadOnlyList<string> MeasureNumbers);

/// <summary>A place request waiting for the Betreuer's (or Koordinator's) decision (FreePlaces).</summary>
public sealed record PlaceDecisionTask(string MeasureNumber, string MeasureTitle, string RequestId, string CustomerRef, string IfkName);

/// <summary>A deadline not yet done (Deadlines): a participant document or a Träger report, overdue or coming up.</summary>
public sealed record DeadlineTask(string MeasureNumber, string MeasureTitle, string Label, string? CustomerRef, DateOnly Due, bool Overdue);
