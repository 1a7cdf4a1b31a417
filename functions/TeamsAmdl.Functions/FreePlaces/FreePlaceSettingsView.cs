using System.Globalization;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// What an IFK can choose from in the tab's settings (issue 14): the teams, kinds and locations the subscription is
/// checked against (<see cref="SubscriptionChanges"/>), the measures that can be muted, and when alerts are delivered.
/// </summary>
public sealed record FreePlaceSettingsView(
    IReadOnlyList<FreePlaceSettingsView.Choice> Teams,
    IReadOnlyList<FreePlaceSettingsView.Choice> Kinds,
    IReadOnlyList<string> Locations,
    IReadOnlyList<FreePlaceSettingsView.Choice> Measures,
    string DeliveryHours,
    bool DeliverAtOnce)
{
    public sealed record Choice(string Id, string Name);

    private static readonly string[] Weekdays = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"];

    /// <summary>"Mo–Fr, 07:30–17:00 Uhr" (a single range when the days follow each other, else a list).</summary>
    public static string Hours(WorkingHours hours)
    {
        var days = hours.Days.OrderBy(d => ((int)d + 6) % 7).ToList();
        if (days.Count == 7 && hours.Start == TimeOnly.MinValue && hours.End == TimeOnly.MaxValue) return FreePlaceSettingsTexts.Always;
        var consecutive = days.Count > 2 && days.Zip(days.Skip(1)).All(p => ((int)p.Second + 6) % 7 == ((int)p.First + 6) % 7 + 1);
        var dayText = consecutive ? Weekdays[(int)days[0]] + "–" + Weekdays[(int)days[^1]] : string.Join(", ", days.Select(d => Weekdays[(int)d]));
        var end = hours.End == TimeOnly.MaxValue ? "24:00" : hours.End.ToString("HH:mm", CultureInfo.InvariantCulture);
        return FreePlaceSettingsTexts.Hours(dayText, hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture), end);
    }
}
