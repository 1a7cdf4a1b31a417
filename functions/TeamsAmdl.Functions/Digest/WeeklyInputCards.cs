using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Functions.Digest;

/// <summary>What a Betreuer entered for one measure (shown again with errors when it was rejected).</summary>
public sealed record EnteredValues(int? Occupied, DateOnly? NextEntry, string? Remarks, IReadOnlyList<string> Errors);

/// <summary>
/// Builds the Betreuer's weekly input cards (R-INFO-1): one card per week listing their measures, pre-filled with the
/// system's figures (or with what they sent before); split into several cards only if they would not fit one message.
/// </summary>
public sealed class WeeklyInputCards(Microsoft.Extensions.Options.IOptions<DigestOptions> options)
{
    public IReadOnlyList<AdaptiveCard> Build(WeekKey week, string betreuerName, IReadOnlyList<MeasureWeek> measures, bool reminder, DateOnly today,
        IReadOnlyDictionary<string, EnteredValues>? entered = null)
    {
        var items = measures.Select(m => Item(m, entered?.GetValueOrDefault(m.Measure.Number))).ToList();
        var hasErrors = entered?.Values.Any(v => v.Errors.Count > 0) == true;
        WeeklyInputCardData Data(int start, int count, int part, int parts) => new(week.ToString(), week.Label, week.Monday, week.Sunday,
            betreuerName, items.Skip(start).Take(count).ToList(), reminder, part, parts, today, hasErrors);

        var ranges = DigestSplitter.Split(items.Count, (start, count) => DigestMessages.Bytes(WeeklyInputCard.Build(Data(start, count, 99, 99))),
            options.Value.MaxMessageBytes);
        return ranges.Select((r, i) => WeeklyInputCard.Build(Data(r.Start, r.Count, i + 1, ranges.Count))).ToList();
    }

    private static WeeklyInputMeasure Item(MeasureWeek m, EnteredValues? entered)
    {
        var shown = m.Input?.Figures ?? m.System;
        return new WeeklyInputMeasure(m.Measure.Number, m.Measure.Title, m.Measure.Kind.German(), m.TraegerName, m.Measure.Location,
            m.Measure.Capacity.Places, m.System.Occupied, m.System.FreePlaces, m.System.NextEntryDate, m.System.IntakeOpen,
            m.Measure.EntryModel == EntryModel.Stichtage14Tage,
            entered?.Occupied ?? shown.Occupied,
            entered is null ? shown.NextEntryDate : entered.NextEntry,
            entered is null ? m.Input?.Remarks : entered.Remarks,
            AlreadySubmitted: m.Input is not null,
            Errors: entered?.Errors);
    }
}
