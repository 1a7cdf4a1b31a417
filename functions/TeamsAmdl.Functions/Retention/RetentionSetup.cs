using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Retention;

/// <summary>Wires retention (R-SEC-4): <c>builder.AddRetention()</c>; the timer is <c>Functions/RetentionTimer.cs</c>.</summary>
public static class RetentionSetup
{
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        builder.Services.AddSingleton<RetentionSweeper>();
        builder.Services.AddTimerJob<RetentionJob>();
        return builder;
    }
}
