using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions;

/// <summary>
/// Wires the Lieferantenbewertung (SPEC §5, Ratings/README.md): <c>builder.AddRatings()</c> registers the stores, the
/// card action handlers, the reminder job and its start-up step (<see cref="RatingsStartup"/>, run by StartupChecks: tables,
/// default questionnaire, demo requests). The
/// HTTP routes (api/ratings/…) are the function classes in Ratings/Functions.
/// </summary>
public static class RatingsSetup
{
    public static IHostApplicationBuilder AddRatings(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddSingleton<RatingTables>();
        s.AddSingleton<TemplateStore>();
        s.AddSingleton<RatingStore>();
        s.AddSingleton<RatingFollowUps>();
        s.AddSingleton<RatingRequests>();
        s.AddSingleton<RatingFlow>();
        s.AddSingleton<TmImport>();
        s.AddSingleton<RatingsDemoSeeder>();
        s.AddCardActionHandler<RatingOpenHandler>();
        s.AddCardActionHandler<RatingSavePageHandler>();
        s.AddCardActionHandler<RatingSaveDraftHandler>();
        s.AddCardActionHandler<RatingSubmitHandler>();
        s.AddTimerJob<RatingReminderJob>();
        s.AddSingleton<RatingsStartup>();
        return builder;
    }
}
