using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// One after-end task of a measure (R-QA-4) as stored: its plan, when its card and its reminder were queued, and who
/// did it with which result. No personal data of customers: the Eingliederungserfolg is two numbers.
/// </summary>
public sealed record AfterEndTaskRow(
    string MeasureNumber,
    AfterEndTaskKind Kind,
    DateOnly OpensOn,
    DateOnly DueOn,
    DateTimeOffset? OpenedAt = null,
    DateTimeOffset? RemindedAt = null,
    DateTimeOffset? DoneAt = null,
    string? DoneBy = null,
    int? Integrated = null,
    int? NotIntegrated = null,
    ETag ETag = default)
{
    public bool Done => DoneAt is not null;

    public AfterEndTaskPlan Plan => new(Kind, OpensOn, DueOn);

    internal TableEntity ToEntity() => new(MeasureNumber, Kind.ToString())
    {
        ["OpensOn"] = StoredDate.Write(OpensOn),
        ["DueOn"] = StoredDate.Write(DueOn),
        ["OpenedAt"] = OpenedAt,
        ["RemindedAt"] = RemindedAt,
        ["DoneAt"] = DoneAt,
        ["DoneBy"] = DoneBy,
        ["Integrated"] = Integrated,
        ["NotIntegrated"] = NotIntegrated,
    };

    internal static AfterEndTaskRow From(TableEntity e) => new(
        e.PartitionKey,
        Enum.Parse<AfterEndTaskKind>(e.RowKey),
        StoredDate.Read(e.GetString("OpensOn")),
        StoredDate.Read(e.GetString("DueOn")),
        e.GetDateTimeOffset("OpenedAt"),
        e.GetDateTimeOffset("RemindedAt"),
        e.GetDateTimeOffset("DoneAt"),
        e.GetString("DoneBy"),
        e.GetInt32("Integrated"),
        e.GetInt32("NotIntegrated"),
        e.ETag);
}
