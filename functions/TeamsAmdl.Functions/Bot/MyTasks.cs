using Azure.Data.Tables;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Deadlines;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// "meine aufgaben": what one person has open right now, read from the features that own it. Each list is by person,
/// so the content follows the roles without asking for them: rating pages of the assessor's open assignments (Ratings),
/// this week's weekly input once its request went out and measures still lack input (Digest), pending place requests
/// on the measures the person looks after or whose decision card they got (FreePlaces), deadlines not yet done (Deadlines,
/// the same list as the tab's Fristen), opened after-end tasks of measures they coordinate or look after (Quality/Monitoring).
/// </summary>
public sealed class MyTasks(RatingStore ratings, WeekService weeks, DigestInputRepository inputs, PlaceRequestRepository placeRequests,
    MeasureRepository measures, Names names, TimeProvider time, DeadlineService deadlines, AfterEndTasks afterEnd)
{
    /// <summary>Pending place requests read at most: more than that is nothing a chat card should list.</summary>
    private const int MaxPendingRequests = 200;

    public async Task<MyTasksCardData> LoadAsync(Staff person, CancellationToken ct)
    {
        var week = WeekKey.Current(time);
        var ratingsTask = OpenRatingsAsync(person, ct);
        var weekTask = weeks.LoadAsync(week, ct);
        var markersTask = inputs.ListRequestsAsync(week, ct);
        var pendingTask = placeRequests.PageAsync(TableClient.CreateQueryFilter($"Status eq {nameof(PlaceRequestStatus.Pending)}"),
            MaxPendingRequests, null, ct);
        var lookupTask = names.LoadAsync(ct);
        var deadlinesTask = deadlines.MineAsync(person, ct);
        var afterEndTask = afterEnd.AssignedAsync(person, ct);
        // All measures, not only this week's: a request can wait on a measure that starts later.
        var measuresTask = measures.ListAsync(BerlinCalendar.Today(time), ct);

        var data = await weekTask;
        var mine = data.Measures.Where(m => m.Measure.BetreuerId == person.Id).ToList();
        List<WeeklyInputTask> weekly = [];
        var missing = mine.Where(m => m.Input is null).Select(m => m.Measure.Number).ToList();
        if (missing.Count > 0 && (await markersTask).GetValueOrDefault(person.Id)?.RequestQueuedAt is not null)
            weekly.Add(new WeeklyInputTask(week.ToString(), week.Label, missing));

        var titles = (await measuresTask).ToDictionary(m => m.Measure.Number, m => (m.Measure.Title, m.Measure.BetreuerId), StringComparer.Ordinal);
        var lookup = await lookupTask;
        var decisions = ((await pendingTask)?.Items ?? [])
            .Where(r => r.DeciderId == person.Id || (titles.TryGetValue(r.PartitionKey, out var t) && t.BetreuerId == person.Id))
            .OrderBy(r => r.RequestedAt)
            .Select(r => new PlaceDecisionTask(r.PartitionKey, titles.TryGetValue(r.PartitionKey, out var t) ? t.Title : r.PartitionKey, r.RowKey,
                r.CustomerRef, lookup.Staff.GetValueOrDefault(r.IfkId, r.IfkId)))
            .ToList();

        var open = (await deadlinesTask).Where(d => d.Status != "Done")
            .Select(d => new DeadlineTask(d.Measure, d.MeasureTitle, d.Label, d.CustomerRef, d.Due, d.Status == "Overdue")).ToList();
        var quality = (await afterEndTask)
            .Select(t => new AfterEndTaskItem(t.MeasureNumber, t.MeasureTitle, t.Title, t.DueOn, t.Overdue)).ToList();
        return new MyTasksCardData(person.DisplayName, await ratingsTask, weekly, decisions, open, quality);
    }

    private async Task<IReadOnlyList<OpenRatingTask>> OpenRatingsAsync(Staff person, CancellationToken ct)
    {
        var list = new List<OpenRatingTask>();
        foreach (var a in (await ratings.ListAssignmentsAsync(RatingStatus.Open, ct)).Where(a => a.AssessorId == person.Id))
        {
            var request = await ratings.GetRequestAsync(a.RatingId, ct);
            if (request is null || request.Status != RatingStatus.Open) continue;
            list.Add(new OpenRatingTask(a.RatingId, request.MeasureNumber, request.TraegerName, request.Deadline, a.Answered, a.QuestionCount));
        }
        return list.OrderBy(r => r.Deadline).ThenBy(r => r.RatingId, StringComparer.Ordinal).ToList();
    }
}
