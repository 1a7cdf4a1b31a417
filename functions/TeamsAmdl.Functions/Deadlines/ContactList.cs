using System.Globalization;
using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Deadlines.DeadlineContracts;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// R-TN-3 in the tab: the LAP measures the caller records contacts for (Betreuung and Koordination, as for the CSV), each
/// with the participants contacts are owed for in the last <see cref="MonthsBack"/> months (pseudonymous references only)
/// and the recorded months, newest first, flagged below 2 personal contacts.
/// </summary>
public sealed class ContactList(MeasureRepository measures, DeadlineTables tables, TimeProvider time)
{
    public const int MonthsBack = 12;

    public async Task<IReadOnlyList<ContactMeasureView>> ListAsync(Staff person, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var since = new DateOnly(today.Year, today.Month, 1).AddMonths(-MonthsBack);
        var result = new List<ContactMeasureView>();
        // The measure rows only: the participants are read per LAP measure below, ended ones included.
        foreach (var m in await measures.ListMeasuresAsync(ct, includeClosed: true))
        {
            if (m.Kind != MeasureKind.LapProjekt || !PlaceRequestService.CanDecide(person, m) || m.End < since) continue;
            var participants = (await measures.ParticipationsAsync(m.Number, ct))
                .Where(p => p.Entry <= today && (ContactDensity.OwedUntil(p) is not { } until || until >= since))
                .Select(p => p.CustomerRef).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var months = new List<ContactMonthView>();
            await foreach (var row in tables.Contacts.QueryAsync<ContactMonth>(TableClient.CreateQueryFilter($"PartitionKey eq {m.Number}"),
                               cancellationToken: ct))
            {
                var first = DateOnly.ParseExact(row.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                months.Add(new ContactMonthView(row.CustomerRef, row.Month, ContactDensity.MonthLabel(first), row.Personal, row.Other,
                    ContactDensity.BelowMinimum(row.Personal), row.Remark));
            }
            result.Add(new ContactMeasureView(m.Number, m.Title, participants,
                months.OrderByDescending(x => x.Month, StringComparer.Ordinal).ThenBy(x => x.CustomerRef, StringComparer.Ordinal).ToList()));
        }
        return result;
    }
}
