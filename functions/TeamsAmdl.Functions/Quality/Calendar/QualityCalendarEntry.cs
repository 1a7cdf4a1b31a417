namespace TeamsAmdl.Functions.Quality.Calendar;

/// <summary>
/// One entry of the quality calendar (GET api/quality/calendar). <paramref name="Type"/> names the source's kind of
/// entry ("inspection", "mangel-deadline"; further sources add their own, e.g. month-end or follow-up tasks).
/// </summary>
/// <param name="Date">yyyy-MM-dd (Berlin).</param>
/// <param name="Ref">The source's id of the thing (inspection or Mangel id), for actions in the tab.</param>
public sealed record QualityCalendarEntry(string Date, string Type, string TypeText, string Title, string MeasureNumber, string MeasureTitle,
    string Traeger, string TeamId, string Team, string Status, string StatusText, string? Ref);
