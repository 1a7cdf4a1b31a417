using System.Globalization;

namespace TeamsAmdl.Functions.Retention;

/// <summary>German texts of the retention feature (settings errors are read by operators).</summary>
public static class RetentionTexts
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string BadPeriod(string setting, TimeSpan value) =>
        $"Die Einstellung {RetentionOptions.Section}:{setting} muss zwischen 1 Minute und 36500 Tagen liegen (ist: {value.ToString("c", German)}).";

    public static string IdempotencyTooShort(TimeSpan value, TimeSpan minimum) =>
        $"Die Einstellung {RetentionOptions.Section}:Idempotency muss mindestens {minimum.TotalMinutes.ToString(German)} Minuten betragen (ist: {value.ToString("c", German)}), " +
        "sonst könnte eine Kartenaktion doppelt ausgeführt werden.";

    public static string BadMaxDeletes(int value) =>
        $"Die Einstellung {RetentionOptions.Section}:MaxDeletesPerRun muss mindestens 100 sein (ist: {value.ToString(German)}).";
}
