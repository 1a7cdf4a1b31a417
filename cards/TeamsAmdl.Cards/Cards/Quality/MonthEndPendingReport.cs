namespace TeamsAmdl.Cards;

/// <summary>
/// One Träger report not ticked as received by the month-end report day (R-TN-4), as the month-end card lists it.
/// </summary>
/// <param name="Report">"Anwesenheitszeiten Oktober 2026" or "Eintritts-/Nichteintrittsmeldung TN-0201-03" (pseudonymous only).</param>
public sealed record MonthEndPendingReport(string MeasureNumber, string Report, DateOnly Due);
