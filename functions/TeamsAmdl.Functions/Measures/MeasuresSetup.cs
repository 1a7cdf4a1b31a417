namespace TeamsAmdl.Functions.Measures;

/// <summary>DI registrations of the measure and Träger administration and the CSV import (after AddFreePlaces: alerts).</summary>
public static class MeasuresSetup
{
    public static IHostApplicationBuilder AddMeasures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MeasureStore>();
        builder.Services.AddSingleton<MeasureAdmin>();
        builder.Services.AddSingleton<TraegerAdmin>();
        builder.Services.AddSingleton<MeasureImport>();
        return builder;
    }
}
