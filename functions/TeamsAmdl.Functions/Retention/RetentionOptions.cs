using Microsoft.Extensions.Options;

namespace TeamsAmdl.Functions.Retention;

/// <summary>
/// How long rows are kept (R-SEC-4), section <c>Retention</c>. Values are TimeSpans ("7" = 7 days, "00:10:00" = 10 minutes).
/// Which table follows which setting: <see cref="RetentionRules"/> and Retention/README.md.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Idempotency and bookkeeping rows: card action answers (BotActions), daily alert counters.</summary>
    public TimeSpan Idempotency { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Delivered messages and journals: sent outbox rows, DevInbox, BotEvents, free-place changes, digest request markers.</summary>
    public TimeSpan Messages { get; set; } = TimeSpan.FromDays(28);

    /// <summary>Outbox rows that ended Failed or Parked (kept longer than sent ones: operators look at them).</summary>
    public TimeSpan Undelivered { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Personal-adjacent records (ended participations, place requests and their notes, weekly inputs with remarks); deletions are audit-logged.</summary>
    public TimeSpan PersonalData { get; set; } = TimeSpan.FromDays(730);

    /// <summary>The retention audit itself.</summary>
    public TimeSpan Audit { get; set; } = TimeSpan.FromDays(3650);

    /// <summary>Upper bound of rows one run deletes (a timer run must end; the next run goes on).</summary>
    public int MaxDeletesPerRun { get; set; } = 50_000;

    public IEnumerable<(string Setting, TimeSpan Value)> Periods() =>
    [
        (nameof(Idempotency), Idempotency), (nameof(Messages), Messages), (nameof(Undelivered), Undelivered),
        (nameof(PersonalData), PersonalData), (nameof(Audit), Audit),
    ];
}

/// <summary>Start-up validation of <see cref="RetentionOptions"/>: names every bad setting.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(36_500);

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = options.Periods()
            .Where(p => p.Value < Minimum || p.Value > Maximum)
            .Select(p => RetentionTexts.BadPeriod(p.Setting, p.Value))
            .ToList();
        // A claim deleted while its operation still runs would let a retry run it a second time.
        if (options.Idempotency < Bot.IdempotencyGuard.StaleAfter)
            errors.Add(RetentionTexts.IdempotencyTooShort(options.Idempotency, Bot.IdempotencyGuard.StaleAfter));
        if (options.MaxDeletesPerRun < 100)
            errors.Add(RetentionTexts.BadMaxDeletes(options.MaxDeletesPerRun));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
