namespace TeamsAmdl.Functions.Quality.Calendar;

/// <summary>
/// A kind of dated work the quality calendar shows. Register more with
/// <c>services.AddSingleton&lt;IQualityCalendarSource, MySource&gt;()</c> (e.g. month-end monitoring, after-end tasks):
/// <see cref="QualityCalendar"/> asks every registered source and merges, filters and sorts their entries.
/// </summary>
public interface IQualityCalendarSource
{
    /// <summary>The entry types this source produces (for the type filter of the tab).</summary>
    IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>Entries dated from <paramref name="from"/> to <paramref name="to"/> (both inclusive).</summary>
    Task<IReadOnlyList<QualityCalendarEntry>> ListAsync(DateOnly from, DateOnly to, CancellationToken ct);
}
