using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Bot;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// Questionnaire templates, versioned (table RatingTemplates: PartitionKey = template id, RowKey = "v0001"…). A version
/// is written once (insert, never update), so a running request that names (id, version) always finds the questions it
/// started with; versions are cached in memory for that reason.
/// </summary>
public sealed class TemplateStore(RatingTables tables, TimeProvider time, ILogger<TemplateStore> log)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ConcurrentDictionary<(string, int), QuestionnaireTemplate> _cache = new();

    public static string RowKey(int version) => "v" + version.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Writes version 1 of the shipped template unless it exists.</summary>
    public async Task EnsureDefaultAsync(CancellationToken ct)
    {
        if (await GetAsync(DefaultQuestionnaire.Id, 1, ct) is not null) return;
        if (await AddAsync(DefaultQuestionnaire.Template, "system", ct))
            log.LogInformation("Default questionnaire {Id} v1 stored", DefaultQuestionnaire.Id);
    }

    /// <summary>Stores a new version; false when that version exists already (nothing written).</summary>
    public async Task<bool> AddAsync(QuestionnaireTemplate template, string createdBy, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(TemplateDto.From(template, createdBy, time.GetUtcNow()), Json);
        var parts = LargeText.Split(json);
        var entity = new TableEntity(template.Id, RowKey(template.Version))
        {
            ["Title"] = template.Title, ["Version"] = template.Version, ["CreatedBy"] = createdBy, ["CreatedAt"] = time.GetUtcNow(),
            ["Json0"] = parts[0], ["Json1"] = parts[1], ["Json2"] = parts[2], ["Json3"] = parts[3],
        };
        try
        {
            await tables.Templates.AddEntityAsync(entity, ct);
            _cache[(template.Id, template.Version)] = template;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<QuestionnaireTemplate?> GetAsync(string id, int version, CancellationToken ct)
    {
        if (_cache.TryGetValue((id, version), out var cached)) return cached;
        if (!ValidId(id)) return null;
        var row = await tables.Templates.GetEntityIfExistsAsync<TableEntity>(id, RowKey(version), cancellationToken: ct);
        if (!row.HasValue) return null;
        var template = Read(row.Value!);
        _cache[(id, version)] = template;
        return template;
    }

    /// <summary>All versions of one template, oldest first (one partition: a handful of rows).</summary>
    public async Task<IReadOnlyList<(QuestionnaireTemplate Template, string? CreatedBy, DateTimeOffset? CreatedAt)>> VersionsAsync(string id, CancellationToken ct)
    {
        var list = new List<(QuestionnaireTemplate, string?, DateTimeOffset?)>();
        if (!ValidId(id)) return list;
        await foreach (var e in tables.Templates.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: ct))
            list.Add((Read(e), e.GetString("CreatedBy"), e.GetDateTimeOffset("CreatedAt")));
        return list.OrderBy(x => x.Item1.Version).ToList();
    }

    public async Task<QuestionnaireTemplate?> LatestAsync(string id, CancellationToken ct) =>
        (await VersionsAsync(id, ct)).Select(v => v.Template).LastOrDefault();

    /// <summary>The latest version of every template (the table holds few rows: templates × versions).</summary>
    public async Task<IReadOnlyList<QuestionnaireTemplate>> ListLatestAsync(CancellationToken ct)
    {
        var all = new List<QuestionnaireTemplate>();
        await foreach (var e in tables.Templates.QueryAsync<TableEntity>(cancellationToken: ct))
            all.Add(Read(e));
        return all.GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    private static QuestionnaireTemplate Read(TableEntity e)
    {
        var json = LargeText.Join(e.GetString("Json0"), e.GetString("Json1"), e.GetString("Json2"), e.GetString("Json3"))!;
        var dto = JsonSerializer.Deserialize<TemplateDto>(json, Json)!;
        return dto.ToDomain(e.PartitionKey, int.Parse(e.RowKey[1..], CultureInfo.InvariantCulture));
    }

    private static bool ValidId(string id) => !string.IsNullOrWhiteSpace(id) && id.Length <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
