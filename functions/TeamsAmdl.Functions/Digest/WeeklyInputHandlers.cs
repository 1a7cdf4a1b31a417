using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// "Angaben senden" on the weekly input card (R-INFO-1): every value goes through <see cref="WeeklyInputRules"/>;
/// if one is rejected, nothing is stored and the card comes back with the entered values and the reasons. Otherwise
/// each measure's row is written (confirmed or corrected, by whom, when) and the card is replaced by
/// <see cref="WeeklyInputDoneCard"/>. Only the measure's Betreuer can answer, for this or last week (R-SEC-2).
/// Runs once per click (idempotency guard); a re-run after a crash writes the same values again.
/// </summary>
public sealed class DigestInputSubmitHandler(WeekService weeks, DigestInputRepository inputs, WeeklyInputCards cards, TimeProvider time,
    ILogger<DigestInputSubmitHandler> log) : ICardActionHandler
{
    public string Verb => CardVerbs.DigestInputSubmit;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
    {
        var (week, numbers, error) = CardInputReader.Read(context.Data, time);
        if (error is not null) return error;
        var today = BerlinCalendar.Today(time);
        var views = new List<MeasureWeek>();
        foreach (var number in numbers)
        {
            var view = await weeks.LoadOneAsync(week, number, ct);
            if (view is null || view.Measure.BetreuerId != context.User.Id)
                return CardActionResult.Error("not_your_measure", DigestTexts.NotYourMeasure(number));
            views.Add(view);
        }

        var entered = new Dictionary<string, EnteredValues>(StringComparer.Ordinal);
        var decisions = new Dictionary<string, WeeklyInputDecision>(StringComparer.Ordinal);
        foreach (var v in views)
        {
            var n = v.Measure.Number;
            var occupied = CardInputReader.Int(context.Data[CardVerbs.DigestOccupiedInputId(n)]);
            var next = CardInputReader.Date(context.Data[CardVerbs.DigestNextEntryInputId(n)]);
            var remarks = CardInputReader.Text(context.Data[CardVerbs.DigestRemarksInputId(n)]);
            var decision = WeeklyInputRules.Apply(v.Measure, v.System, occupied, next, remarks, today);
            decisions[n] = decision;
            entered[n] = new EnteredValues(occupied, next, remarks, decision.Errors.Select(e => e.Message).ToList());
        }
        if (decisions.Values.Any(d => !d.Accepted))
        {
            var again = cards.Build(week, context.User.DisplayName, views, reminder: false, today, entered);
            if (again.Count > 1) log.LogWarning("Weekly input card with errors for {Betreuer} needs {Parts} parts; showing the first", context.User.Id, again.Count);
            return CardActionResult.Card(again[0]);
        }

        var now = time.GetUtcNow();
        var rows = new List<WeeklyInputDoneRow>();
        foreach (var v in views)
        {
            var d = decisions[v.Measure.Number];
            var current = v;
            for (var attempt = 1; ; attempt++)
            {
                var row = current.Input ?? new DigestInputEntity { PartitionKey = week.ToString(), RowKey = v.Measure.Number };
                var expected = current.Input?.ETag;
                row.SetFigures(d.Figures!);
                row.Remarks = d.Remarks;
                row.State = (d.Corrected ? DigestInputState.Corrected : DigestInputState.Confirmed).ToString();
                row.SubmittedById = context.User.Id;
                row.SubmittedByName = context.User.DisplayName;
                row.SubmittedAt = now;
                row.ChangedById = context.User.Id;
                row.ChangedByName = context.User.DisplayName;
                row.ChangedAt = now;
                row.Version++;
                try
                {
                    await inputs.WriteAsync(row, expected, ct);
                    break;
                }
                catch (InputChangedException) when (attempt < 5)
                {
                    // The coordinator saved this measure at the same moment: the Betreuer's answer is the newer input.
                    current = await weeks.LoadOneAsync(week, v.Measure.Number, ct) ?? current;
                }
            }
            var f = d.Figures!;
            rows.Add(new WeeklyInputDoneRow(v.Measure.Number, v.Measure.Title, f.Occupied, f.Capacity, f.FreePlaces, f.NextEntryDate, d.Corrected));
        }
        return CardActionResult.Card(WeeklyInputDoneCard.Build(new WeeklyInputDoneCardData(week.ToString(), week.Label, context.User.DisplayName, now, rows)));
    }
}

/// <summary>"Angaben ändern": shows the weekly input card again with what was sent.</summary>
public sealed class DigestInputEditHandler(WeekService weeks, WeeklyInputCards cards, TimeProvider time) : ICardActionHandler
{
    public string Verb => CardVerbs.DigestInputEdit;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
    {
        var (week, numbers, error) = CardInputReader.Read(context.Data, time);
        if (error is not null) return error;
        var views = new List<MeasureWeek>();
        foreach (var number in numbers)
        {
            var view = await weeks.LoadOneAsync(week, number, ct);
            if (view is not null && view.Measure.BetreuerId == context.User.Id) views.Add(view);
        }
        if (views.Count == 0) return CardActionResult.Error("no_measures", DigestTexts.NoMeasures);
        return CardActionResult.Card(cards.Build(week, context.User.DisplayName, views, reminder: false, BerlinCalendar.Today(time))[0]);
    }
}

/// <summary>Reading the data of the weekly input card's actions.</summary>
internal static class CardInputReader
{
    public static (WeekKey Week, IReadOnlyList<string> Numbers, CardActionResult? Error) Read(JsonObject data, TimeProvider time)
    {
        if (Text(data[CardVerbs.DigestWeekKey]) is not { } text || !WeekKey.TryParse(text, out var week))
            return (default, [], CardActionResult.Error("invalid_week", DigestTexts.UnknownWeek(Text(data[CardVerbs.DigestWeekKey]) ?? "")));
        var current = WeekKey.Current(time);
        if (!week.IsCurrentOrPreviousOf(current))
            return (week, [], CardActionResult.Error("week_closed", DigestTexts.WeekClosed));
        var numbers = data[CardVerbs.DigestMeasuresKey] switch
        {
            JsonArray a => a.Select(Text).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            JsonValue v when Text(v) is { } s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            _ => [],
        };
        if (numbers.Count == 0) return (week, [], CardActionResult.Error("no_measures", DigestTexts.NoMeasures));
        return (week, numbers, null);
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue v ? v.GetValueKind() switch
        {
            JsonValueKind.String => (string?)v,
            JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        } : null;

    /// <summary>Input.Number arrives as a string ("9") or a number; only whole numbers count.</summary>
    public static int? Int(JsonNode? node)
    {
        var s = Text(node)?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue
            ? (int)d : null;
    }

    /// <summary>Input.Date sends yyyy-MM-dd; empty means "no date".</summary>
    public static DateOnly? Date(JsonNode? node) =>
        Text(node)?.Trim() is { Length: > 0 } s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
}
