using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// The rating feature's tables (same account and prefix as <see cref="Tables"/>). Documents go to the e-Akte filing
/// outbox (TeamsAmdl.Filing).
/// Created once at start by <see cref="RatingsStartup"/> (part of StartupChecks); layout in Ratings/README.md.
/// </summary>
public sealed class RatingTables(Tables tables)
{
    public const string TemplatesTable = "RatingTemplates";
    public const string RequestsTable = "RatingRequests";
    public const string TmDataTable = "RatingTmData";

    public TableClient Templates => tables.Get(TemplatesTable);
    public TableClient Requests => tables.Get(RequestsTable);
    public TableClient TmData => tables.Get(TmDataTable);

    public async Task CreateAllAsync(CancellationToken ct)
    {
        foreach (var t in new[] { Templates, Requests, TmData })
            await t.CreateIfNotExistsAsync(ct);
    }
}
