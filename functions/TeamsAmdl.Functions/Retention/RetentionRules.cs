using Azure.Data.Tables;
using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Retention;

/// <summary>
/// The retention rule of every table the app writes (R-SEC-4): a deletion rule on a date the app stored with its own
/// clock (not the service's Timestamp: that is the last write, and tests run on a fake clock), or a reason why the
/// table is kept. RetentionRulesTests checks that no table of the app is missing here.
/// </summary>
public static class RetentionRules
{
    public const string AuditTable = "RetentionAudit";

    private static readonly string[] ClosedRequests =
        [nameof(PlaceRequestStatus.Declined), nameof(PlaceRequestStatus.Withdrawn), nameof(PlaceRequestStatus.Refused), nameof(PlaceRequestStatus.Confirmed)];

    public static IReadOnlyList<RetentionRule> For(RetentionOptions o) =>
    [
        // Idempotency: an answer is replayed to Teams' retries (seconds to minutes), never weeks later.
        new("bot-actions", BotTables.ActionsTable, nameof(o.Idempotency), o.Idempotency, false,
            c => TableClient.CreateQueryFilter($"StartedAt lt {c}")),
        new("alert-day-counters", FreePlacesStore.AlertsTable, nameof(o.Idempotency), o.Idempotency, false,
            c => TableClient.CreateQueryFilter($"RowKey ge {AlertRowEntity.DayPrefix} and RowKey lt {AlertRowEntity.DayKey(DateOnly.FromDateTime(c.UtcDateTime))}")),

        // Messages: delivered cards and journals. A card updated later (ActivityUpdatedAt) stays until that is old too.
        new("outbox-sent", ProactiveSetup.OutboxTable, nameof(o.Messages), o.Messages, false,
            c => TableClient.CreateQueryFilter($"Status eq {nameof(OutboxStatus.Sent)} and CompletedAt lt {c}"),
            ["ActivityUpdatedAt"], r => r.GetDateTimeOffset("ActivityUpdatedAt")),
        new("dev-inbox", BotTables.DevInboxTable, nameof(o.Messages), o.Messages, false,
            c => TableClient.CreateQueryFilter($"CreatedAt lt {c}"), ["UpdatedAt"], r => r.GetDateTimeOffset("UpdatedAt")),
        new("bot-events", BotTables.EventsTable, nameof(o.Messages), o.Messages, false,
            c => TableClient.CreateQueryFilter($"At lt {c}")),
        new("free-place-changes", FreePlacesStore.ChangesTable, nameof(o.Messages), o.Messages, false,
            c => TableClient.CreateQueryFilter($"At lt {c}")),
        new("digest-requests", DigestTables.RequestsTable, nameof(o.Messages), o.Messages, false,
            c => TableClient.CreateQueryFilter($"PartitionKey lt {WeekOf(c)}")),
        new("outbox-undelivered", ProactiveSetup.OutboxTable, nameof(o.Undelivered), o.Undelivered, false,
            c => TableClient.CreateQueryFilter(
                $"(Status eq {nameof(OutboxStatus.Failed)} or Status eq {nameof(OutboxStatus.Parked)}) and CompletedAt lt {c}")),
        // Outlook mails (issue 17): sent ones like messages, failed/parked ones like undelivered cards.
        new("mail-outbox-sent", Outlook.MailOutbox.TableName, nameof(o.Messages), o.Messages, false,
            c => TableClient.CreateQueryFilter($"Status eq {nameof(Outlook.MailStatus.Sent)} and CompletedAt lt {c}")),
        new("mail-outbox-undelivered", Outlook.MailOutbox.TableName, nameof(o.Undelivered), o.Undelivered, false,
            c => TableClient.CreateQueryFilter(
                $"(Status eq {nameof(Outlook.MailStatus.Failed)} or Status eq {nameof(Outlook.MailStatus.Parked)}) and CompletedAt lt {c}")),
        // Cards held for someone whose Teams app installation never completed: stale after the same period.
        new("pending-cards", TeamsAmdl.Functions.Staffing.PendingCardStore.TableName, nameof(o.Undelivered), o.Undelivered, false,
            c => TableClient.CreateQueryFilter($"CreatedAt lt {c}")),

        // Personal-adjacent records (pseudonymous references, notes, remarks): audit-logged.
        new("ended-participations", Tables.MeasuresTable, nameof(o.PersonalData), o.PersonalData, true,
            c => TableClient.CreateQueryFilter(
                $"RowKey ge {PlaceEntity.ParticipationPrefix} and RowKey lt {"p}"} and Until lt {StoredDate.Write(DateOnly.FromDateTime(c.UtcDateTime))}")),
        new("place-requests", FreePlacesStore.RequestsTable, nameof(o.PersonalData), o.PersonalData, true,
            c => TableClient.CreateQueryFilter($"RequestedAt lt {c}") + " and (" +
                 string.Join(" or ", ClosedRequests.Select(s => TableClient.CreateQueryFilter($"Status eq {s}"))) + ")",
            ["DecidedAt"], r => r.GetDateTimeOffset("DecidedAt")),
        new("weekly-inputs", DigestTables.InputsTable, nameof(o.PersonalData), o.PersonalData, true,
            c => TableClient.CreateQueryFilter($"PartitionKey lt {WeekOf(c)}")),

        // Deadlines (issue 16): marks and LAP contacts name pseudonymous references; kept as long as other personal-adjacent records.
        new("deadline-marks", Deadlines.DeadlineTables.MarksTable, nameof(o.PersonalData), o.PersonalData, true,
            c => TableClient.CreateQueryFilter($"Due lt {StoredDate.Write(DateOnly.FromDateTime(c.UtcDateTime))}")),
        new("deadline-contacts", Deadlines.DeadlineTables.ContactsTable, nameof(o.PersonalData), o.PersonalData, true,
            c => TableClient.CreateQueryFilter($"Month lt {DateOnly.FromDateTime(c.UtcDateTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}")),

        new("retention-audit", AuditTable, nameof(o.Audit), o.Audit, false,
            c => TableClient.CreateQueryFilter($"RunAt lt {c}")),
    ];

    /// <summary>Tables without a deletion rule: master data and records whose size does not grow with use.</summary>
    public static readonly IReadOnlyList<KeptTable> Kept =
    [
        new(Tables.TraegerTable, "Stammdaten (Träger)"),
        new(Tables.TeamsTable, "Stammdaten (Teams)"),
        new(Tables.StaffTable, "Stammdaten (Mitarbeitende)"),
        new(Tables.MeasuresTable, "measure rows and reservations: master data; ended participations follow PersonalData"),
        new(Tables.MetaTable, "one seed marker"),
        new(FreePlacesStore.SubscriptionsTable, "one row per IFK"),
        new(FreePlacesStore.AlertsTable, "flush rows: one per IFK; day counters follow Idempotency"),
        new(ProactiveSetup.ReferencesTable, "one conversation reference per user and conversation"),
        new(SharedTenantBudget.DefaultTable, "one row per tenant"),
        new(DigestTables.DigestsTable, "published Maßnahmeinfos: one per week and publication, the app's history of the record in the e-Akte"),
        new(DigestTables.DeliveriesTable, "channel posts of the published digests: a few per publication"),
        new(RatingTables.TemplatesTable, "questionnaire versions"),
        new(RatingTables.RequestsTable, "rating records (Bewertungsbögen, filed in the e-Akte): a few per measure and year"),
        new(RatingTables.TmDataTable, "one row per measure and quarter"),
        new(Outlook.ChannelPreferences.TableName, "one row per staff member (their channel for rating requests)"),
        new(TeamsAmdl.Filing.FilingOutbox.DefaultTableName, "one row per filed document: the e-Akte's guard against filing twice"),
        new(Quality.Monitoring.MonitoringTables.MonthEndTable, "one row per reported month"),
        new(Quality.Monitoring.MonitoringTables.TasksTable, "two rows per ended measure (after-end tasks, numbers only, no personal data)"),
        new(Quality.Monitoring.MonitoringTables.ContactsTable, "COSACH contacts with Träger (staff ids only): a few per measure and year"),
        new(TeamsAmdl.Functions.Quality.Inspections.InspectionTables.RecordsTable, "inspections and Mängel (R-QA-2/3): a few per measure and year, the app's side of the Prüfberichte in the e-Akte"),
        new(TeamsAmdl.Functions.Quality.Inspections.InspectionTables.AuditTable, "audit log of inspections and Mängel: a few lines per Mangel, kept with the records it explains"),
        new(TeamsAmdl.Functions.Addin.MailFilingLedger.TableName, "one row per file filed from Outlook: the add-in's guard against filing a mail twice"),
    ];

    /// <summary>The ISO week of the cutoff; week keys ("2026-W47") compare as strings.</summary>
    private static string WeekOf(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(instant.UtcDateTime);
        return day.Year < WeekKey.MinYear ? WeekKey.MinValue.ToString() : WeekKey.Of(day).ToString();
    }
}
