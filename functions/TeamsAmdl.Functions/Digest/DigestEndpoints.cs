using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// The coordinator's Teams tab (R-INFO-2): the page under /tab (personal tab and configurable channel tab, config page
/// /tab/config) and its API under /api/digest. Every API call needs an authenticated staff member (Teams SSO bearer
/// token; X-Dev-User in Development) — without one it is 401. Week inputs, edits, preview, targets and publishing are
/// for coordinators (403 otherwise); the published history can be read by every staff member (it holds no customer data).
/// </summary>
public static class DigestEndpoints
{
    public const string ApiPath = "/api/digest";

    private static readonly string[] TabFiles = ["tab.js", "tab.css", "config.js"];
    private static readonly string[] LibFiles = ["MicrosoftTeams.min.js", "adaptivecards.min.js", "harness.js", "microsoft-teams-light.json", "teams-container-light.css"];
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Teams (web, desktop, mobile) and Outlook/Microsoft 365 may show the tab in their frames; nobody else.</summary>
    private const string FrameAncestors =
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft " +
        "https://*.office.com https://outlook.office.com https://outlook.office365.com https://*.microsoft365.com";

    public static void MapDigestEndpoints(this WebApplication app)
    {
        // The tab page and its files (anonymous: the page itself holds no data; it calls the API with a token).
        app.MapGet("/tab", (HttpContext ctx, IWebHostEnvironment env) => TabFile(ctx, env, "tab/index.html")).AllowAnonymous();
        app.MapGet("/tab/config", (HttpContext ctx, IWebHostEnvironment env) => TabFile(ctx, env, "tab/config.html")).AllowAnonymous();
        app.MapGet("/tab/{file}", (string file, HttpContext ctx, IWebHostEnvironment env) =>
            TabFiles.Contains(file, StringComparer.Ordinal) ? TabFile(ctx, env, "tab/" + file) : NotFound(file)).AllowAnonymous();
        app.MapGet("/tab/lib/{file}", (string file, HttpContext ctx, IWebHostEnvironment env) =>
            LibFiles.Contains(file, StringComparer.Ordinal) ? TabFile(ctx, env, "tab/lib/" + file) : NotFound(file)).AllowAnonymous();

        app.MapGet(ApiPath + "/env", (IWebHostEnvironment env) => Results.Json(new { devLogin = env.IsDevelopment() })).AllowAnonymous();

        var api = app.MapGroup(ApiPath).RequireAuthorization();

        api.MapGet("/me", async (HttpContext ctx, StaffRepository staff, CancellationToken ct) =>
        {
            var user = CurrentUser.From(ctx.User);
            var s = await staff.GetAsync(user.StaffId, ct);
            return Results.Json(new
            {
                id = user.StaffId, displayName = user.DisplayName, teamId = s?.TeamId, roles = user.Roles.Order().Select(r => r.ToString()),
                isCoordinator = user.Has(StaffRole.Koordinator),
            });
        });

        api.MapGet("/teams", async (StaffRepository staff, CancellationToken ct) =>
            Results.Json((await staff.ListTeamsAsync(ct)).OrderBy(t => t.Name, StringComparer.CurrentCulture).Select(t => new { id = t.Id, name = t.Name })));

        api.MapGet("/weeks/{week}", async (string week, string? team, string? kind, string? state, HttpContext ctx, WeekService weeks,
            IOptions<DigestOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            if (ParseWeek(week, time) is not { } w) return ProblemResponses.Problem(400, "unknown_week", DigestTexts.UnknownWeek(week));
            var data = await weeks.LoadAsync(w, ct);
            var all = data.Measures;
            var shown = all
                .Where(m => string.IsNullOrEmpty(team) || m.Measure.TeamId == team)
                .Where(m => string.IsNullOrEmpty(kind) || string.Equals(m.Measure.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase))
                .Where(m => string.IsNullOrEmpty(state) || StateMatches(m.State, state))
                .ToList();
            var schedule = options.Value.Schedule();
            var current = WeekKey.Current(time);
            return Results.Json(new
            {
                week = w.ToString(), label = w.Label, monday = w.Monday, sunday = w.Sunday, today = data.Today,
                current = current.ToString(), previous = w.Previous().ToString(), next = w.Next().ToString(),
                requestAt = schedule.RequestAt(w), reminderAt = schedule.ReminderAt(w),
                counts = new
                {
                    measures = all.Count,
                    answered = all.Count(m => m.State != DigestInputState.Missing),
                    missing = all.Count(m => m.State == DigestInputState.Missing),
                    edited = all.Count(m => m.State == DigestInputState.Edited),
                    shown = shown.Count,
                },
                teams = all.Select(m => new { id = m.Measure.TeamId, name = m.TeamName }).DistinctBy(t => t.id).OrderBy(t => t.name),
                kinds = all.Select(m => m.Measure.Kind).Distinct().Order().Select(k => new { id = k.ToString(), label = k.German() }),
                measures = shown.Select(m => View(m, data.Today)),
            });
        });

        api.MapPut("/weeks/{week}/measures/{number}", async (string week, string number, HttpContext ctx, WeekService weeks,
            DigestInputRepository inputs, StaffRepository staff, TimeProvider time, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            if (ParseWeek(week, time) is not { } w) return ProblemResponses.Problem(400, "unknown_week", DigestTexts.UnknownWeek(week));
            var body = await ReadJsonAsync(ctx, ct);
            if (body is null) return ProblemResponses.Problem(400, "invalid_body", DigestTexts.InvalidInput);
            var view = await weeks.LoadOneAsync(w, number, ct);
            if (view is null) return ProblemResponses.Problem(404, "unknown_measure", DigestTexts.UnknownMeasure(number, w.Label));

            var ifMatch = ctx.Request.Headers.IfMatch.ToString();
            var clientEtag = !string.IsNullOrEmpty(ifMatch) ? ifMatch : CardInputReader.Text(body["etag"]);
            var today = BerlinCalendar.Today(time);
            var decision = WeeklyInputRules.Apply(view.Measure, view.System, CardInputReader.Int(body["occupied"]),
                CardInputReader.Date(body["nextEntryDate"]), CardInputReader.Text(body["remarks"]), today);
            if (!decision.Accepted)
                return Results.Json(new
                {
                    type = "about:blank", title = DigestTexts.InvalidInput, status = 400, code = "invalid_input",
                    errors = decision.Errors.Select(e => new { field = e.Field, message = e.Message }),
                }, statusCode: 400, contentType: "application/problem+json");

            // Optimistic concurrency: the edit applies to the row the coordinator saw, or to "no row yet".
            if ((clientEtag is null) != (view.Input is null) || (clientEtag is not null && view.Input!.ETag.ToString() != clientEtag))
                return Conflict(view, today);

            var user = CurrentUser.From(ctx.User);
            var now = time.GetUtcNow();
            var row = view.Input ?? new DigestInputEntity { PartitionKey = w.ToString(), RowKey = view.Measure.Number };
            row.SetFigures(decision.Figures!);
            row.Remarks = decision.Remarks;
            row.State = nameof(DigestInputState.Edited);
            row.EditedById = user.StaffId;
            row.EditedByName = user.DisplayName;
            row.EditedAt = now;
            row.ChangedById = user.StaffId;
            row.ChangedByName = user.DisplayName;
            row.ChangedAt = now;
            row.Version++;
            try
            {
                await inputs.WriteAsync(row, clientEtag is null ? null : new ETag(clientEtag), ct);
            }
            catch (InputChangedException)
            {
                return Conflict(await weeks.LoadOneAsync(w, number, ct) ?? view, today);
            }
            return Results.Json(View(await weeks.LoadOneAsync(w, number, ct) ?? view, today));
        });

        api.MapGet("/weeks/{week}/preview", async (string week, HttpContext ctx, WeekService weeks, DigestBuilder builder, StaffRepository staff,
            IOptions<DigestOptions> options, IWebHostEnvironment env, IConfiguration config, TimeProvider time, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            if (ParseWeek(week, time) is not { } w) return ProblemResponses.Problem(400, "unknown_week", DigestTexts.UnknownWeek(week));
            var data = await weeks.LoadAsync(w, ct);
            var user = CurrentUser.From(ctx.User);
            var snapshot = new DigestSnapshot("preview", w.ToString(), user.StaffId, user.DisplayName, time.GetUtcNow(), data.Today,
                TabUrl(ctx.Request, w, options.Value, env, config), data.Entries);
            var parts = builder.Build(snapshot, preview: true);
            var missing = data.Missing;
            return Results.Json(new
            {
                week = w.ToString(), label = w.Label,
                parts = parts.Cards.Select((c, i) => new { card = c.ToJsonObject(), bytes = parts.Bytes[i] }),
                maxBytes = options.Value.MaxMessageBytes, condensed = parts.Condensed, hiddenCount = parts.HiddenCount, fullParts = parts.FullParts,
                measures = snapshot.Entries.Count,
                missing = missing.Select(m => new { number = m.MeasureNumber, title = m.Title, betreuer = data.Names.Staff.GetValueOrDefault(m.BetreuerId, m.BetreuerId) }),
                missingMessage = missing.Count == 0 ? null : MissingInputs.Describe(missing, s => data.Names.Staff.GetValueOrDefault(s, s)),
            });
        });

        api.MapGet("/targets", async (HttpContext ctx, StaffRepository staff, IServiceProvider services, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            var people = await staff.ListAsync(ct);
            var channels = new List<object>();
            if (TryProactive(services) is { } proactive)
            {
                foreach (var c in (await proactive.References.ListActiveChannelsAsync(proactive.TenantId, ct)).OrderBy(ChannelPoster.DisplayName))
                    channels.Add(new { id = c.Key, name = ChannelPoster.DisplayName(c), team = c.TeamName, channel = c.ChannelName });
            }
            return Results.Json(new
            {
                channels,
                ifk = people.Count(s => s.Has(StaffRole.Ifk) && !string.IsNullOrEmpty(s.AadObjectId)),
                teamleitung = people.Count(s => s.Has(StaffRole.Teamleitung) && !string.IsNullOrEmpty(s.AadObjectId)),
            });
        });

        api.MapPost("/weeks/{week}/publish", async (string week, HttpContext ctx, DigestPublisher publisher, StaffRepository staff,
            IOptions<DigestOptions> options, IWebHostEnvironment env, IConfiguration config, TimeProvider time, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            if (ParseWeek(week, time) is not { } w) return ProblemResponses.Problem(400, "unknown_week", DigestTexts.UnknownWeek(week));
            PublishRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync<PublishRequest>(ctx.Request.Body, DigestArchive.Json, ct);
            }
            catch (JsonException)
            {
                request = null;
            }
            if (request is null) return ProblemResponses.Problem(400, "invalid_body", DigestTexts.NoTargets);
            var by = await staff.GetAsync(CurrentUser.From(ctx.User).StaffId, ct);
            if (by is null) return ProblemResponses.Problem(403, "unknown_user", DigestTexts.CoordinatorsOnly);
            var outcome = await publisher.PublishAsync(w, request, by, TabUrl(ctx.Request, w, options.Value, env, config), ct);
            return outcome switch
            {
                PublishOutcome.Done d => Results.Json(d.Result),
                PublishOutcome.NeedsConfirmation n => Results.Json(new
                {
                    type = "about:blank", title = n.Message, status = 409, code = "missing_inputs",
                    missing = n.Missing.Select(m => new { number = m.MeasureNumber, title = m.Title, betreuerId = m.BetreuerId }),
                }, statusCode: 409, contentType: "application/problem+json"),
                PublishOutcome.ChannelsNotReady c => Results.Json(new
                {
                    type = "about:blank", title = string.Join(" ", c.Channels.Select(x => x.Message)), status = 422, code = "bot_not_in_channel",
                    channels = c.Channels,
                }, statusCode: 422, contentType: "application/problem+json"),
                PublishOutcome.Invalid i => ProblemResponses.Problem(400, "invalid_request", i.Message),
                _ => throw new InvalidOperationException(),
            };
        });

        api.MapGet("/history", async (DigestHistory history, CancellationToken ct) =>
            Results.Json((await history.ListAsync(104, ct)).Select(HistoryItem)));

        api.MapGet("/history/{id}", async (string id, DigestHistory history, DigestArchive archive, DigestBuilder builder, CancellationToken ct) =>
            await HistoryDetailAsync(await history.GetAsync(id, ct), id, archive, builder, ct));

        api.MapGet("/latest", async (DigestHistory history, DigestArchive archive, DigestBuilder builder, CancellationToken ct) =>
        {
            var latest = (await history.ListAsync(1, ct)).FirstOrDefault();
            return latest is null
                ? ProblemResponses.Problem(404, "no_digest", DigestTexts.NoDigestYet)
                : await HistoryDetailAsync(latest, latest.RowKey, archive, builder, ct);
        });

        api.MapGet("/history/{id}/document", async (string id, DigestHistory history, DigestArchive archive, CancellationToken ct) =>
        {
            var row = await history.GetAsync(id, ct);
            if (row is null) return ProblemResponses.Problem(404, "unknown_digest", DigestTexts.UnknownDigest(id));
            if (row.DocumentBlob is null || await archive.LoadDocumentAsync(row.DocumentBlob, ct) is not { } doc)
                return ProblemResponses.Problem(404, "no_document", DigestTexts.DocumentMissing);
            return Results.File(doc.Content.ToArray(), DigestPdf.ContentType, row.DocumentName);
        });
    }

    private static async Task<IResult> HistoryDetailAsync(DigestEntity? row, string id, DigestArchive archive, DigestBuilder builder, CancellationToken ct)
    {
        if (row is null) return ProblemResponses.Problem(404, "unknown_digest", DigestTexts.UnknownDigest(id));
        var snapshot = await archive.LoadSnapshotAsync(row.RowKey, ct);
        if (snapshot is null) return ProblemResponses.Problem(404, "unknown_digest", DigestTexts.UnknownDigest(id));
        var parts = builder.Build(snapshot);
        return Results.Json(new { digest = HistoryItem(row), parts = parts.Cards.Select(c => c.ToJsonObject()) });
    }

    private static object HistoryItem(DigestEntity e) => new
    {
        id = e.RowKey, week = e.Week, label = WeekKey.Parse(e.Week).Label, status = e.Status, publishedBy = e.PublishedByName,
        publishedAt = e.PublishedAt, measures = e.Measures, missing = e.Missing, freePlaces = e.FreePlaces, parts = e.Parts,
        condensed = e.Condensed, recipients = e.Recipients, toIfk = e.ToIfk, toTeamleitung = e.ToTeamleitung, channels = e.ChannelOutcomes,
        documentName = e.DocumentName, filingDocuments = e.FilingDocuments,
        filingStatus = e.FilingDocuments > 0 ? DigestTexts.FilingQueued(e.FilingDocuments) : null, filingProblems = e.FilingProblemList,
    };

    private static object View(MeasureWeek m, DateOnly today)
    {
        var e = m.Effective;
        var i = m.Input;
        return new
        {
            number = m.Measure.Number, title = m.Measure.Title, team = new { id = m.Measure.TeamId, name = m.TeamName },
            kind = m.Measure.Kind.ToString(), kindLabel = m.Measure.Kind.German(), betreuer = new { id = m.Measure.BetreuerId, name = m.BetreuerName },
            traeger = m.TraegerName, location = m.Measure.Location, capacity = m.Measure.Capacity.Places,
            entryOnGrid = m.Measure.EntryModel == EntryModel.Stichtage14Tage, intakeOpen = m.System.IntakeOpen,
            intakeDeadline = IntakeWindow.Deadline(m.Measure), minEntryDate = today,
            system = new { occupied = m.System.Occupied, reserved = m.System.Reserved, freePlaces = m.System.FreePlaces, nextEntryDate = m.System.NextEntryDate },
            state = m.State.ToString(), stateLabel = StateLabel(m.State),
            effective = new { occupied = e.Occupied, freePlaces = e.FreePlaces, nextEntryDate = e.NextEntryDate, remarks = i?.Remarks },
            input = i is null ? null : new
            {
                etag = i.ETag.ToString(), submittedBy = i.SubmittedByName, submittedAt = i.SubmittedAt, editedBy = i.EditedByName,
                editedAt = i.EditedAt, changedBy = i.ChangedByName, changedAt = i.ChangedAt, version = i.Version,
            },
        };
    }

    private static string StateLabel(DigestInputState s) => s switch
    {
        DigestInputState.Confirmed => "bestätigt",
        DigestInputState.Corrected => "korrigiert",
        DigestInputState.Edited => "bearbeitet",
        _ => "fehlt",
    };

    private static bool StateMatches(DigestInputState s, string filter) => filter.ToLowerInvariant() switch
    {
        "missing" => s == DigestInputState.Missing,
        "answered" => s != DigestInputState.Missing,
        _ => string.Equals(s.ToString(), filter, StringComparison.OrdinalIgnoreCase),
    };

    private static IResult Conflict(MeasureWeek current, DateOnly today) => Results.Json(new
    {
        type = "about:blank", status = 409, code = "changed_meanwhile",
        title = DigestTexts.ChangedMeanwhile(current.Input?.ChangedByName, current.Input?.ChangedAt),
        changedBy = current.Input?.ChangedByName, changedAt = current.Input?.ChangedAt,
        current = View(current, today),
    }, statusCode: 409, contentType: "application/problem+json");

    private static IResult? Forbidden(HttpContext ctx) =>
        CurrentUser.From(ctx.User).Has(StaffRole.Koordinator) ? null : ProblemResponses.Problem(403, "coordinators_only", DigestTexts.CoordinatorsOnly);

    private static WeekKey? ParseWeek(string text, TimeProvider time) =>
        string.Equals(text, "current", StringComparison.OrdinalIgnoreCase) ? WeekKey.Current(time)
        : WeekKey.TryParse(text, out var w) ? w : null;

    private static async Task<JsonObject?> ReadJsonAsync(HttpContext ctx, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The link in the digest: a Teams deep link to the personal tab opening the week; with the Development stand-ins
    /// (no Teams) the tab page of this app.
    /// </summary>
    public static string TabUrl(HttpRequest r, WeekKey week, DigestOptions o, IWebHostEnvironment env, IConfiguration config) =>
        BotOptions.UseDevStandIns(env, config)
            ? $"{r.Scheme}://{r.Host}{r.PathBase}/tab?woche={week}"
            : $"https://teams.microsoft.com/l/entity/{Uri.EscapeDataString(o.TeamsAppId)}/{Uri.EscapeDataString(o.TabEntityId)}?context=" +
              Uri.EscapeDataString(JsonSerializer.Serialize(new { subEntityId = week.ToString() }));

    private static IResult TabFile(HttpContext ctx, IWebHostEnvironment env, string relative)
    {
        var file = env.WebRootFileProvider.GetFileInfo(relative);
        if (!file.Exists || file.PhysicalPath is null) return NotFound(relative);
        ctx.Response.Headers.CacheControl = "no-cache";
        ctx.Response.Headers["Content-Security-Policy"] = FrameAncestors;
        ctx.Response.Headers.XContentTypeOptions = "nosniff";
        var type = ContentTypes.TryGetContentType(file.PhysicalPath, out var t) ? t : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal))
            type += "; charset=utf-8";
        return Results.File(file.PhysicalPath, type);
    }

    /// <summary>The proactive services, or null where the bot cannot send (Production before Bot:AppId is set).</summary>
    private static Proactive? TryProactive(IServiceProvider services)
    {
        try
        {
            return services.GetService<Proactive>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static IResult NotFound(string what) => ProblemResponses.Problem(404, "not_found", $"„{what}“ gibt es hier nicht.");
}
