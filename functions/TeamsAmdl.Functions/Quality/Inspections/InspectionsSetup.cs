using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Quality.Calendar;
using TeamsAmdl.Functions.Quality.Inspections;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions;

/// <summary>
/// Wires inspections and Mängel (R-QA-1…3, Quality/Inspections/README.md) and the quality calendar with its inspection
/// source. HTTP routes are the classes in Quality/Inspections/Functions and Quality/Calendar/Functions.
/// </summary>
public static class InspectionsSetup
{
    public static IHostApplicationBuilder AddInspections(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddSingleton<InspectionTables>();
        s.AddSingleton<InspectionStore>();
        s.AddSingleton<QualityAudit>();
        s.AddSingleton<InspectionDocuments>();
        s.AddSingleton<InspectionService>();
        s.AddSingleton<MangelService>();
        s.AddSingleton<MeasureRepositoryProbe>();
        s.AddCardActionHandler<InspectionConfirmHandler>();
        s.AddCardActionHandler<InspectionRescheduleHandler>();
        s.AddTimerJob<InspectionReminderJob>();
        s.AddQualityCalendar();
        s.AddSingleton<IQualityCalendarSource, InspectionCalendarSource>();
        s.AddSingleton<IQualityCalendarSource, AfterEndCalendarSource>(); // after AddQualityMonitoring: its task rows
        s.AddSingleton<TeamsAmdl.Functions.Quality.Monitoring.ICosachContactSource, InspectionContacts>(); // the COSACH export lists recorded inspections
        s.AddSingleton<TeamsAmdl.Functions.Addin.IMailFiledListener, TeamsAmdl.Functions.Quality.QualityMailLinks>(); // issue 18 item 4
        return builder;
    }
}
