using System.Globalization;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>"Abschlussbericht geprüft" / "Eingliederungserfolg speichern" on an after-end task card: completes the task
/// and answers with the done card (also when it was done before, e.g. by the other recipient).</summary>
public sealed class QualityTaskCompleteHandler(AfterEndTasks tasks) : ICardActionHandler
{
    public string Verb => CardVerbs.QualityTaskComplete;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
    {
        var measure = Text(context.Data[CardVerbs.QualityMeasureKey]);
        var task = Text(context.Data[CardVerbs.QualityTaskKey]);
        var outcome = await tasks.CompleteAsync(context.User, measure, task, Number(context.Data[CardVerbs.QualityIntegratedInput]),
            Number(context.Data[CardVerbs.QualityNotIntegratedInput]), ct);
        if (outcome.Value is { } done) return CardActionResult.Card(done.Card);
        return CardActionResult.Error(outcome.Code!, outcome.Message!);
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>Input.Number arrives as a string ("5") from Teams, as a number from other clients; anything else is null.</summary>
    private static int? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };
}
