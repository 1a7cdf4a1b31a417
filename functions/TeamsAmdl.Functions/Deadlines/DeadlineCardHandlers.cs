using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>"Eingegangen" on a deadline card: the Betreuer (or Koordination) ticks the item; the card then says so.</summary>
public sealed class DeadlineReceivedHandler(DeadlineService deadlines, MeasureRepository measures, TimeProvider time) : ICardActionHandler
{
    public string Verb => DeadlineCards.ReceivedVerb;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
    {
        var number = Text(context.Data, CardVerbs.MeasureNumberKey) ?? "";
        var key = Text(context.Data, DeadlineCards.KeyKey);
        var outcome = await deadlines.MarkReceivedAsync(context.User, number, key, ct);
        if (!outcome.Ok) return CardActionResult.Error(outcome.Code!, outcome.Message!);
        var state = await measures.GetAsync(number, BerlinCalendar.Today(time), ct);
        var v = outcome.Value!;
        var item = new DeadlineItem(v.Key, Enum.Parse<DeadlineKind>(v.Kind), v.Measure, v.CustomerRef, v.IfkId, v.Event, v.Due);
        return CardActionResult.Card(DeadlineCards.Received(state!.Measure, item, v.ReceivedOn ?? BerlinCalendar.Today(time)));
    }

    private static string? Text(JsonObject data, string key) => data[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
