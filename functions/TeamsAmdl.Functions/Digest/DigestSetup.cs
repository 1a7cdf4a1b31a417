using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions;

/// <summary>
/// Weekly Maßnahmeinfo (SPEC §4, R-INFO-1…3): <c>builder.AddDigest()</c> registers the services, the timer job and
/// the card handlers. The tab (/tab, /tab/config) and its API (/api/digest/…) are the function classes in Digest/Functions.
/// </summary>
public static class DigestSetup
{
    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<DigestOptions>(builder.Configuration.GetSection(DigestOptions.Section));
        s.AddSingleton<DigestTables>();
        s.AddSingleton<DigestInputRepository>();
        s.AddSingleton<DigestHistory>();
        s.AddSingleton<DigestArchive>();
        s.AddSingleton<WeekService>();
        s.AddSingleton<WeeklyInputCards>();
        s.AddSingleton<DigestBuilder>();
        s.AddSingleton<PersonalDigestBuilder>();
        s.AddSingleton<ChannelPoster>();
        s.AddSingleton<DigestFiling>();
        s.AddSingleton<DigestPublisher>();
        s.AddSingleton<DigestPublishQueue>();
        s.AddSingleton<DigestPublishJob>();
        s.AddSingleton<DigestProgress>();
        s.AddTimerJob<WeeklyInputJob>();
        s.AddCardActionHandler<DigestInputSubmitHandler>();
        s.AddCardActionHandler<DigestInputEditHandler>();
        return builder;
    }
}
