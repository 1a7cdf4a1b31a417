using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Deadlines;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions;

/// <summary>
/// Wires the participant deadlines and the Träger's reporting calendar (SPEC §8, Deadlines/README.md):
/// <c>builder.AddDeadlines()</c> (after <c>AddParticipants()</c>). Tables are created by StartupChecks.
/// </summary>
public static class DeadlinesSetup
{
    public static IHostApplicationBuilder AddDeadlines(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddSingleton<DeadlineTables>();
        s.AddSingleton<DeadlineStore>();
        s.AddSingleton<DeadlineService>();
        s.AddSingleton<ContactImport>();
        s.AddSingleton<Expectations>();
        s.AddSingleton<TeamOverdue>();
        s.AddSingleton<ContactList>();
        s.AddSingleton<Seeding.DemoExpectations>();
        s.AddCardActionHandler<DeadlineReceivedHandler>();
        s.AddTimerJob<DeadlineReminderJob>();
        return builder;
    }
}
