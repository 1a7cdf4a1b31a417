namespace TeamsAmdl.Functions.Quality.Calendar;

/// <summary>One entry type of the calendar (GET api/quality/calendar/types).</summary>
public sealed record CalendarTypeView(string Id, string Name);
