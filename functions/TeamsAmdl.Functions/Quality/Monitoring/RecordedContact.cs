using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Domain.Quality.Monitoring;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// A contact with a Träger about a measure that goes into COSACH (seed 000 §6): type 3 Maßnahmeprüfung or 6
/// Kontaktbesuch, date, measure, and the staff ids who took part. The Träger comes from the measure, names from the
/// staff list, when the export is made.
/// </summary>
public sealed record RecordedContact(CosachContactType Type, DateOnly Date, string MeasureNumber, IReadOnlyList<string> StaffIds);

/// <summary>
/// Where recorded contacts come from. Kontaktbesuche recorded through the API are one source
/// (<see cref="ContactStore"/>); the inspection records (issue 15, items 1–2) are meant to be another: register an
/// implementation with <c>services.AddSingleton&lt;ICosachContactSource, …&gt;()</c> and the export includes it.
/// </summary>
public interface ICosachContactSource
{
    /// <summary>The contacts whose date lies in <paramref name="month"/>.</summary>
    Task<IReadOnlyList<RecordedContact>> ListAsync(ReportMonth month, CancellationToken ct);
}
