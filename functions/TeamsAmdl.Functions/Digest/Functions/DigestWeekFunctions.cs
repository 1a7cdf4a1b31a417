using System.Text.Json.Nodes;
using Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Digest.Functions;

/// <summary>
/// The week in the tab (R-INFO-2): every measure's input (eingegangen / fehlt), the coordinator's edits under the same
/// domain rules as the Betreuer's card, and the digest preview. Coordinators only (403 otherwise).
/// </summary>
public sealed class DigestWeekFunctions(WeekService weeks, DigestInputRepository inputs, DigestBuilder builder, DigestHistory history,
    IOptions<DigestOptions> options, IHostEnvironment env, IConfiguration config, TimeProvider time)
{
    /// <summary>GET api/digest/weeks/{week} (?team=, ?kind=, ?state=missing|answered|Confirmed|…): the week with counts and filters.</summary>
    [Function("digest-week")]
    public async Task<IResult> Week(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/weeks/{week}")] HttpRequest req, string week,
        CancellationToken cancellationToken)
    {
        if (DigestHttp.Forbidden(req) is { } denied) return denied;
        if (DigestHttp.ParseWeek(week, time) is not { } w) return DigestHttp.UnknownWeek(week);
        string? team = req.Query["team"], state = req.Query["state"];
        var kind = QueryParameters.Enum<MeasureKind>(req, "kind", k => k.German());
        if (kind.Problem is { } badKind) return badKind;
        if (!string.IsNullOrEmpty(state) && !DigestViews.IsStateFilter(state))
            return ProblemResponses.Problem(400, "unknown_state", BoundaryTexts.UnknownValue("state", state, DigestViews.StateFilters));
        var data = await weeks.LoadAsync(w, cancellationToken);
        var all = data.Measures;
        var shown = all
            .Where(m => string.IsNullOrEmpty(team) || m.Measure.TeamId == team)
            .Where(m => kind.Value is null || m.Measure.Kind == kind.Value)
            .Where(m => string.IsNullOrEmpty(state) || DigestViews.StateMatches(m.State, state))
            .ToList();
        var schedule = options.Value.Schedule();
        var current = WeekKey.Current(time);
        return Results.Json(new
        {
            week = w.ToString(), label = w.Label, monday = w.Monday, sunday = w.Sunday, today = data.Today,
            current = current.ToString(), previous = w.Previous()?.ToString(), next = w.Next()?.ToString(),
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
            measures = shown.Select(m => DigestViews.Measure(m, data.Today)),
        });
    }

    /// <summary>
    /// PUT api/digest/weeks/{week}/measures/{number}: the coordinator's edit ({occupied, nextEntryDate, remarks} and the
    /// ETag seen, as If-Match or "etag"; none = "no input yet"). 400 with the rejected fields, 409 when changed meanwhile.
    /// </summary>
    [Function("digest-measure")]
    public async Task<IResult> Edit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/digest/weeks/{week}/measures/{number}")] HttpRequest req,
        string week, string number, CancellationToken cancellationToken)
    {
        if (DigestHttp.Forbidden(req) is { } denied) return denied;
        if (DigestHttp.ParseWeek(week, time) is not { } w) return DigestHttp.UnknownWeek(week);
        // A JsonObject, not a record: the card reader's lenient conversions are the same as for the Betreuer's card.
        var read = await JsonBody.ReadAsync<JsonObject>(req, cancellationToken, optional: true);
        if (read.Problem is { } p) return p;
        if (read.Value is not { } body) return ProblemResponses.Problem(400, "invalid_body", DigestTexts.InvalidInput);
        var view = await weeks.LoadOneAsync(w, number, cancellationToken);
        if (view is null) return ProblemResponses.Problem(404, "unknown_measure", DigestTexts.UnknownMeasure(number, w.Label));

        var ifMatch = req.Headers.IfMatch.ToString();
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

        var user = CurrentUser.From(req.HttpContext.User);
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
            await inputs.WriteAsync(row, clientEtag is null ? null : new ETag(clientEtag), cancellationToken);
        }
        catch (InputChangedException)
        {
            return Conflict(await weeks.LoadOneAsync(w, number, cancellationToken) ?? view, today);
        }
        return Results.Json(DigestViews.Measure(await weeks.LoadOneAsync(w, number, cancellationToken) ?? view, today));
    }

    /// <summary>GET api/digest/weeks/{week}/preview: the digest's messages as they would go out now, with the missing inputs.</summary>
    [Function("digest-preview")]
    public async Task<IResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/weeks/{week}/preview")] HttpRequest req, string week,
        CancellationToken cancellationToken)
    {
        if (DigestHttp.Forbidden(req) is { } denied) return denied;
        if (DigestHttp.ParseWeek(week, time) is not { } w) return DigestHttp.UnknownWeek(week);
        var data = await weeks.LoadAsync(w, cancellationToken);
        var user = CurrentUser.From(req.HttpContext.User);
        var snapshot = new DigestSnapshot("preview", w.ToString(), user.StaffId, user.DisplayName, time.GetUtcNow(), data.Today,
            DigestHttp.TabUrl(req, w, options.Value, env, config), data.Entries);
        // Once the week is out, the preview says when (a further publication is a correction).
        var published = await history.LatestOfWeekAsync(w.ToString(), cancellationToken);
        var parts = builder.Build(snapshot, preview: true, previewPublishedAt: published?.PublishedAt);
        var missing = data.Missing;
        return Results.Json(new
        {
            week = w.ToString(), label = w.Label,
            published = published is null ? null : new
            {
                id = published.RowKey, publishedAt = published.PublishedAt, publishedBy = published.PublishedByName,
                text = DigestTexts.PublishedOn(published.PublishedAt),
            },
            parts = parts.Cards.Select((c, i) => new { card = c.ToJsonObject(), bytes = parts.Bytes[i] }),
            maxBytes = options.Value.MaxMessageBytes, condensed = parts.Condensed, hiddenCount = parts.HiddenCount, fullParts = parts.FullParts,
            measures = snapshot.Entries.Count,
            missing = missing.Select(m => new { number = m.MeasureNumber, title = m.Title, betreuer = data.Names.Staff.GetValueOrDefault(m.BetreuerId, m.BetreuerId) }),
            missingMessage = missing.Count == 0 ? null : MissingInputs.Describe(missing, s => data.Names.Staff.GetValueOrDefault(s, s)),
        });
    }

    private static IResult Conflict(MeasureWeek current, DateOnly today) => Results.Json(new
    {
        type = "about:blank", status = 409, code = "changed_meanwhile",
        title = DigestTexts.ChangedMeanwhile(current.Input?.ChangedByName, current.Input?.ChangedAt),
        changedBy = current.Input?.ChangedByName, changedAt = current.Input?.ChangedAt,
        current = DigestViews.Measure(current, today),
    }, statusCode: 409, contentType: "application/problem+json");
}
