using System.Globalization;
using System.Text.Json;
using Azure;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Bot;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>Status of a request (the coordinator can close it) and of one assessor's assignment.</summary>
public static class RatingStatus
{
    public const string Open = "Open";
    public const string Closed = "Closed";
    public const string Submitted = "Submitted";

    public static readonly IReadOnlyList<string> All = [Open, Closed, Submitted];
}

/// <summary>
/// The request row (PartitionKey = rating id, RowKey "request"): what was asked of whom, with the display values of
/// measure, Träger and people as they were when it was sent (the cards and the Bewertungsbogen show those).
/// </summary>
public sealed record RatingRequestRow(
    string Id,
    string MeasureNumber,
    string MeasureTitle,
    string TraegerId,
    string TraegerName,
    string BetreuerId,
    string KoordinatorId,
    string TemplateId,
    int TemplateVersion,
    RatingKind Kind,
    string? Note,
    string RequestedBy,
    string RequestedByName,
    DateTimeOffset SentAt,
    DateOnly Deadline,
    string Status,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    IReadOnlyList<string> AssessorIds,
    ETag ETag = default,
    string? RequestHash = null)
{
    public const string Row = "request";
    public DateOnly SentOn => Domain.BerlinCalendar.DateOf(SentAt);

    public TableEntity ToEntity() => new(Id, Row)
    {
        ["Type"] = Row, ["MeasureNumber"] = MeasureNumber, ["MeasureTitle"] = MeasureTitle, ["TraegerId"] = TraegerId,
        ["TraegerName"] = TraegerName, ["BetreuerId"] = BetreuerId, ["KoordinatorId"] = KoordinatorId, ["TemplateId"] = TemplateId,
        ["TemplateVersion"] = TemplateVersion, ["Kind"] = Kind.ToString(), ["Note"] = Note, ["RequestedBy"] = RequestedBy,
        ["RequestedByName"] = RequestedByName, ["SentAt"] = SentAt, ["Deadline"] = StoredDay(Deadline), ["Status"] = Status,
        ["ClosedAt"] = ClosedAt, ["ClosedBy"] = ClosedBy, ["AssessorIds"] = string.Join(',', AssessorIds),
        ["RequestHash"] = RequestHash,
    };

    public static RatingRequestRow From(TableEntity e) => new(
        e.PartitionKey, e.GetString("MeasureNumber") ?? "", e.GetString("MeasureTitle") ?? "", e.GetString("TraegerId") ?? "",
        e.GetString("TraegerName") ?? "", e.GetString("BetreuerId") ?? "", e.GetString("KoordinatorId") ?? "",
        e.GetString("TemplateId") ?? "", e.GetInt32("TemplateVersion") ?? 1, Enum.Parse<RatingKind>(e.GetString("Kind") ?? nameof(RatingKind.Anlassbezogen)),
        e.GetString("Note"), e.GetString("RequestedBy") ?? "", e.GetString("RequestedByName") ?? "", e.GetDateTimeOffset("SentAt") ?? default,
        Day(e.GetString("Deadline")), e.GetString("Status") ?? RatingStatus.Open, e.GetDateTimeOffset("ClosedAt"), e.GetString("ClosedBy"),
        (e.GetString("AssessorIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), e.ETag, e.GetString("RequestHash"));

    internal static string StoredDay(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    internal static DateOnly Day(string? s) => DateOnly.ParseExact(s ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// One assessor's part of a request (RowKey "a|{staffId}"): status, progress, the reminder bookkeeping of the timer
/// job and, once submitted, the result and the e-Akte filing job of the Bewertungsbogen. <see cref="Revision"/> counts effective changes (a repeated identical page
/// save does not count).
/// </summary>
public sealed record AssignmentRow(
    string RatingId,
    string AssessorId,
    string AssessorName,
    string? AssessorAad,
    string Status,
    int Answered,
    int QuestionCount,
    int Revision,
    bool InvitationQueued,
    IReadOnlyList<int> RemindersSent,
    bool OverdueNotified,
    DateTimeOffset? SubmittedAt,
    decimal? HardAverage,
    decimal? SoftAverage,
    bool Auffaellig,
    IReadOnlyList<BadValue> BadValues,
    bool FollowUpsDone,
    string? FilingJobId,
    string? FilingPath,
    ETag ETag = default)
{
    public const string TypeName = "assignment";
    public static string Key(string assessorId) => "a|" + assessorId;
    public string RowKey => Key(AssessorId);

    public TableEntity ToEntity() => new(RatingId, RowKey)
    {
        ["Type"] = TypeName, ["RatingId"] = RatingId, ["AssessorId"] = AssessorId, ["AssessorName"] = AssessorName,
        ["AssessorAad"] = AssessorAad, ["Status"] = Status, ["Answered"] = Answered, ["QuestionCount"] = QuestionCount,
        ["Revision"] = Revision, ["InvitationQueued"] = InvitationQueued, ["RemindersSent"] = string.Join(',', RemindersSent),
        ["OverdueNotified"] = OverdueNotified, ["SubmittedAt"] = SubmittedAt, ["HardAverage"] = RatingFormat.Store(HardAverage),
        ["SoftAverage"] = RatingFormat.Store(SoftAverage), ["Auffaellig"] = Auffaellig,
        ["BadValues"] = JsonSerializer.Serialize(BadValues.Select(b => new BadValueDto(b.Kind.ToString(), b.Value, b.Question)), TemplateStore.Json),
        ["FollowUpsDone"] = FollowUpsDone, ["FilingJobId"] = FilingJobId, ["FilingPath"] = FilingPath,
    };

    public static AssignmentRow From(TableEntity e) => new(
        e.PartitionKey, e.GetString("AssessorId") ?? e.RowKey[2..], e.GetString("AssessorName") ?? "", e.GetString("AssessorAad"),
        e.GetString("Status") ?? RatingStatus.Open, e.GetInt32("Answered") ?? 0, e.GetInt32("QuestionCount") ?? 0, e.GetInt32("Revision") ?? 0,
        e.GetBoolean("InvitationQueued") ?? false,
        (e.GetString("RemindersSent") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
        e.GetBoolean("OverdueNotified") ?? false, e.GetDateTimeOffset("SubmittedAt"), RatingFormat.Load(e.GetString("HardAverage")),
        RatingFormat.Load(e.GetString("SoftAverage")), e.GetBoolean("Auffaellig") ?? false,
        (JsonSerializer.Deserialize<List<BadValueDto>>(e.GetString("BadValues") ?? "[]", TemplateStore.Json) ?? [])
            .Select(b => new BadValue(Enum.Parse<BadValueKind>(b.Kind), b.Value, b.Question)).ToList(),
        e.GetBoolean("FollowUpsDone") ?? false, e.GetString("FilingJobId"), e.GetString("FilingPath"), e.ETag);

    private sealed record BadValueDto(string Kind, decimal Value, string? Question);
}

/// <summary>The stored answers of one page (RowKey "a|{staffId}|p|{nn}"): the draft that survives closing Teams.</summary>
public sealed record PageRow(string RatingId, string AssessorId, int Page, IReadOnlyList<RatingAnswer> Answers, DateTimeOffset SavedAt)
{
    public const string TypeName = "page";
    public static string Key(string assessorId, int page) => $"a|{assessorId}|p|{page:00}";

    public TableEntity ToEntity() => new(RatingId, Key(AssessorId, Page))
    {
        ["Type"] = TypeName, ["AssessorId"] = AssessorId, ["Page"] = Page, ["SavedAt"] = SavedAt,
        ["Answers"] = JsonSerializer.Serialize(Answers.Select(a => new AnswerDto(a.QuestionId, a.Value, a.Comment)), TemplateStore.Json),
    };

    public static PageRow From(TableEntity e) => new(e.PartitionKey, e.GetString("AssessorId") ?? "", e.GetInt32("Page") ?? 0,
        (JsonSerializer.Deserialize<List<AnswerDto>>(e.GetString("Answers") ?? "[]", TemplateStore.Json) ?? [])
            .Select(a => new RatingAnswer(a.Q, a.V, a.C)).ToList(), e.GetDateTimeOffset("SavedAt") ?? default);

    public bool SameAnswers(IReadOnlyList<RatingAnswer> other) => Answers.OrderBy(a => a.QuestionId, StringComparer.Ordinal)
        .SequenceEqual(other.OrderBy(a => a.QuestionId, StringComparer.Ordinal));

    private sealed record AnswerDto(string Q, int V, string? C);
}

/// <summary>Begründung/Handlungsempfehlung per bad value (RowKey "a|{staffId}|j"), draft or final; up to ~120,000 characters.</summary>
public sealed record JustificationsRow(string RatingId, string AssessorId, IReadOnlyList<Justification> Items, DateTimeOffset SavedAt)
{
    public const string TypeName = "justifications";
    public static string Key(string assessorId) => $"a|{assessorId}|j";

    public TableEntity ToEntity()
    {
        var parts = LargeText.Split(JsonSerializer.Serialize(Items.Select(j => new JDto(j.Key, j.Begruendung, j.Handlungsempfehlung)), TemplateStore.Json));
        return new TableEntity(RatingId, Key(AssessorId))
        {
            ["Type"] = TypeName, ["AssessorId"] = AssessorId, ["SavedAt"] = SavedAt,
            ["Json0"] = parts[0], ["Json1"] = parts[1], ["Json2"] = parts[2], ["Json3"] = parts[3],
        };
    }

    public static JustificationsRow From(TableEntity e) => new(e.PartitionKey, e.GetString("AssessorId") ?? "",
        (JsonSerializer.Deserialize<List<JDto>>(LargeText.Join(e.GetString("Json0"), e.GetString("Json1"), e.GetString("Json2"), e.GetString("Json3")) ?? "[]",
            TemplateStore.Json) ?? []).Select(j => new Justification(j.K, j.B, j.H)).ToList(),
        e.GetDateTimeOffset("SavedAt") ?? default);

    private sealed record JDto(string K, string? B, string? H);
}

/// <summary>Everything of one request partition that one assessor's card needs.</summary>
public sealed record RatingSnapshot(
    RatingRequestRow Request,
    IReadOnlyList<AssignmentRow> Assignments,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, PageRow>> Pages,
    IReadOnlyDictionary<string, JustificationsRow> Justifications)
{
    public AssignmentRow? AssignmentOf(string staffId) => Assignments.FirstOrDefault(a => a.AssessorId == staffId);

    public IReadOnlyDictionary<int, PageRow> PagesOf(string staffId) =>
        Pages.TryGetValue(staffId, out var p) ? p : new Dictionary<int, PageRow>();

    public IReadOnlyList<RatingAnswer> AnswersOf(string staffId) => PagesOf(staffId).Values.SelectMany(p => p.Answers).ToList();

    public IReadOnlyList<Justification> JustificationsOf(string staffId) =>
        Justifications.TryGetValue(staffId, out var j) ? j.Items : [];
}
