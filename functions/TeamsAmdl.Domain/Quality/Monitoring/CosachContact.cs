namespace TeamsAmdl.Domain.Quality.Monitoring;

/// <summary>
/// A recorded contact with a Träger about a measure, as S&amp;QS enters it in COSACH (tab "Kontakte"): type, date,
/// Träger, measure and the staff member(s) who made it. Staff only, never a customer.
/// </summary>
public sealed record CosachContact(CosachContactType Type, DateOnly Date, string Traeger, string MeasureNumber, string Staff);
