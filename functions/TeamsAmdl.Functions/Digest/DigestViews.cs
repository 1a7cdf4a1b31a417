using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Functions.Digest;

/// <summary>The JSON shapes the tab reads: a measure's week and a published digest.</summary>
public static class DigestViews
{
    public static object Measure(MeasureWeek m, DateOnly today)
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

    /// <summary>The tab's status filter: missing, answered, or one state by name.</summary>
    /// <summary>What ?state= takes: missing, answered, or a state by name (never a number).</summary>
    public static readonly IReadOnlyList<string> StateFilters = ["missing", "answered", .. Enum.GetNames<DigestInputState>()];

    public static bool IsStateFilter(string filter) => StateFilters.Contains(filter, StringComparer.OrdinalIgnoreCase);

    public static bool StateMatches(DigestInputState s, string filter) => filter.ToLowerInvariant() switch
    {
        "missing" => s == DigestInputState.Missing,
        "answered" => s != DigestInputState.Missing,
        _ => string.Equals(s.ToString(), filter, StringComparison.OrdinalIgnoreCase),
    };

    public static object HistoryItem(DigestEntity e) => new
    {
        id = e.RowKey, week = e.Week, label = WeekKey.Parse(e.Week).Label, status = e.Status, publishedBy = e.PublishedByName,
        publishedAt = e.PublishedAt, measures = e.Measures, missing = e.Missing, freePlaces = e.FreePlaces, parts = e.Parts,
        condensed = e.Condensed, recipients = e.Recipients, toIfk = e.ToIfk, toTeamleitung = e.ToTeamleitung, channels = e.ChannelOutcomes,
        documentName = e.DocumentName, filingDocuments = e.FilingDocuments,
        filingStatus = e.FilingDocuments > 0 ? DigestTexts.FilingQueued(e.FilingDocuments) : null, filingProblems = e.FilingProblemList,
        job = e.Job ?? DigestEntity.JobDone, correction = e.Correction, messages = e.Messages,
        deliveredMessages = e.DeliveredMessages, failedMessages = e.FailedMessages, filedDocuments = e.FiledDocuments,
        finalText = e.DeliveredMessages is { } delivered && e.FiledDocuments is { } filed
            ? DigestTexts.Progress(delivered, e.Messages, filed, e.FilingDocuments) : null,
        publishedText = DigestTexts.PublishedOn(e.PublishedAt),
    };

    private static string StateLabel(DigestInputState s) => s switch
    {
        DigestInputState.Confirmed => "bestätigt",
        DigestInputState.Corrected => "korrigiert",
        DigestInputState.Edited => "bearbeitet",
        _ => "fehlt",
    };
}
