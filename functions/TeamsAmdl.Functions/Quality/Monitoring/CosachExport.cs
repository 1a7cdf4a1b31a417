using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// The COSACH contact export of a month (issue 15, item 6): every recorded contact of every
/// <see cref="ICosachContactSource"/>, with the measure's Träger and the staff names resolved, as <see cref="CosachCsv"/>.
/// </summary>
public sealed class CosachExport(IEnumerable<ICosachContactSource> sources, MeasureRepository measures, Names names, TimeProvider time)
{
    public async Task<IReadOnlyList<CosachContact>> ContactsAsync(ReportMonth month, CancellationToken ct)
    {
        var lookup = await names.LoadAsync(ct);
        var traegerOf = (await measures.ListAsync(Domain.BerlinCalendar.Today(time), ct, includeClosed: true))
            .ToDictionary(m => m.Measure.Number, m => lookup.Traeger.GetValueOrDefault(m.Measure.TraegerId, m.Measure.TraegerId), StringComparer.Ordinal);
        var list = new List<CosachContact>();
        foreach (var source in sources)
            foreach (var c in await source.ListAsync(month, ct))
                list.Add(new CosachContact(c.Type, c.Date, traegerOf.GetValueOrDefault(c.MeasureNumber, ""), c.MeasureNumber,
                    string.Join(", ", c.StaffIds.Select(id => lookup.Staff.GetValueOrDefault(id, id)))));
        return list;
    }

    public async Task<string> CsvAsync(ReportMonth month, CancellationToken ct) => CosachCsv.Write(await ContactsAsync(month, ct));
}
