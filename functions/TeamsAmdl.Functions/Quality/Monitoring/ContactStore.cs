using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// Contacts recorded through POST api/quality/contacts (table QualityContacts, PK month, RK a hash of date, measure,
/// type and staff member): the same contact recorded twice is one row. One of the <see cref="ICosachContactSource"/>s.
/// </summary>
public sealed class ContactStore(MonitoringTables tables, MeasureRepository measures, TimeProvider time) : ICosachContactSource
{
    public sealed record ContactInput(string? MeasureNumber, DateOnly? Date, CosachContactType? Type);

    public sealed record ContactView(string Id, int Type, string TypeLabel, DateOnly Date, string MeasureNumber, string StaffId);

    public async Task<IReadOnlyList<RecordedContact>> ListAsync(ReportMonth month, CancellationToken ct)
    {
        var list = new List<RecordedContact>();
        await foreach (var e in tables.Contacts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {month.ToString()}"), cancellationToken: ct))
            list.Add(new RecordedContact(Enum.Parse<CosachContactType>(e.GetString("Type")), StoredDate.Read(e.GetString("Date")),
                e.GetString("MeasureNumber"), [e.GetString("StaffId")]));
        return list;
    }

    /// <summary>Records a contact by <paramref name="me"/>: 201 new, 200 when the same contact was recorded before.</summary>
    public async Task<Outcome<ContactView>> RecordAsync(Staff me, ContactInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.MeasureNumber)) return Outcome<ContactView>.Fail(400, "missing_measure", MonitoringTexts.MeasureMissing);
        if (input.Date is not { } date) return Outcome<ContactView>.Fail(400, "missing_date", MonitoringTexts.ContactDateMissing);
        if (input.Type is not { } type || !Enum.IsDefined(type)) return Outcome<ContactView>.Fail(400, "missing_type", MonitoringTexts.ContactTypeMissing);
        var today = BerlinCalendar.Today(time);
        if (date > today) return Outcome<ContactView>.Fail(400, "date_in_future", MonitoringTexts.ContactInFuture);
        var number = input.MeasureNumber.Trim();
        var measure = await measures.GetAsync(number, today, ct);
        if (measure is null) return Outcome<ContactView>.Fail(404, "unknown_measure", MonitoringTexts.UnknownMeasure(number));
        if (date < measure.Measure.Start) return Outcome<ContactView>.Fail(400, "date_before_start", MonitoringTexts.ContactBeforeMeasure);

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{StoredDate.Write(date)}\n{number}\n{type}\n{me.Id}")))[..24].ToLowerInvariant();
        var view = new ContactView(id, (int)type, CosachCsv.Label(type), date, number, me.Id);
        var entity = new TableEntity(ReportMonth.Of(date).ToString(), id)
        {
            ["Type"] = type.ToString(),
            ["Date"] = StoredDate.Write(date),
            ["MeasureNumber"] = number,
            ["StaffId"] = me.Id,
            ["RecordedAt"] = time.GetUtcNow(),
        };
        try
        {
            await tables.Contacts.AddEntityAsync(entity, ct);
            return Outcome<ContactView>.Success(view, 201);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return Outcome<ContactView>.Success(view);
        }
    }
}
