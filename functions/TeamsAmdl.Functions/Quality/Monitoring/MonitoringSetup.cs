using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// Wires the quality monitoring (issue 15 items 4–6, Quality/Monitoring/README.md): month-end utilisation, tasks after a
/// measure's end, COSACH contacts. The HTTP routes (api/quality/…) are the function classes in Quality/Monitoring/Functions.
/// </summary>
public static class MonitoringSetup
{
    public static IHostApplicationBuilder AddQualityMonitoring(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddSingleton<MonitoringTables>();
        s.AddSingleton<MonitoringStore>();
        s.AddSingleton<MonitoringStartup>();
        s.AddSingleton<MonthEndReport>();
        s.AddSingleton<AfterEndTasks>();
        s.AddSingleton<ContactStore>();
        // More sources (the inspection records) are added the same way; the export reads all of them.
        s.AddSingleton<ICosachContactSource>(sp => sp.GetRequiredService<ContactStore>());
        s.AddSingleton<CosachExport>();
        s.AddSingleton(sp => new MonatsauslastungRenderer(sp.GetService<JobcenterInfo>() ?? JobcenterInfo.Musterstadt));
        s.AddCardActionHandler<QualityTaskCompleteHandler>();
        s.AddTimerJob<MonthEndJob>();
        s.AddTimerJob<AfterEndJob>();
        return builder;
    }
}
