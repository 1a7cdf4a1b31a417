namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// A function that exists only in Development (demo login list, dev inbox, timer trigger endpoint). Elsewhere
/// <see cref="CallerMiddleware"/> answers 404 before anything runs: function metadata is the same in every
/// environment, so the check has to happen per call.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DevelopmentOnlyAttribute : Attribute;
