using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TeamsAmdl.Functions.Quality.Calendar;

/// <summary>The calendar itself; each feature registers its <see cref="IQualityCalendarSource"/> next to it.</summary>
public static class QualityCalendarSetup
{
    public static IServiceCollection AddQualityCalendar(this IServiceCollection services)
    {
        services.TryAddSingleton<QualityCalendar>();
        return services;
    }
}
