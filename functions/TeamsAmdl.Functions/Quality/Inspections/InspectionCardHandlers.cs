using System.Globalization;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>"Termin bestätigen" on the inspection reminder card.</summary>
public sealed class InspectionConfirmHandler(InspectionService inspections) : ICardActionHandler
{
    public string Verb => CardVerbs.InspectionConfirm;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
    {
        var (number, id) = InspectionCardData.Keys(context);
        var outcome = await inspections.ConfirmAsync(QualityRoles.Of(context.User), number, id, ct);
        return outcome.Ok
            ? CardActionResult.Message(InspectionTexts.Confirmed(DateOnly.ParseExact(outcome.Value!.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            : CardActionResult.Error(outcome.Code!, outcome.Message!);
    }
}

/// <summary>"Termin verschieben" on the inspection reminder card: the new date from the card's date input.</summary>
public sealed class InspectionRescheduleHandler(InspectionService inspections) : ICardActionHandler
{
    public string Verb => CardVerbs.InspectionReschedule;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
    {
        var (number, id) = InspectionCardData.Keys(context);
        DateOnly? date = DateOnly.TryParseExact(context.Data[CardVerbs.InspectionDateInput]?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var d) ? d : null;
        var outcome = await inspections.RescheduleAsync(QualityRoles.Of(context.User), number, id, date, ct);
        return outcome.Ok ? CardActionResult.Message(InspectionTexts.Rescheduled(date!.Value)) : CardActionResult.Error(outcome.Code!, outcome.Message!);
    }
}

/// <summary>The keys both inspection card actions carry.</summary>
internal static class InspectionCardData
{
    public static (string Number, string Id) Keys(CardActionContext c) =>
        (c.Data[CardVerbs.MeasureNumberKey]?.ToString() ?? "", c.Data[CardVerbs.InspectionIdKey]?.ToString() ?? "");
}
