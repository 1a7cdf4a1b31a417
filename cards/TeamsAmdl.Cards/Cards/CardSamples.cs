namespace TeamsAmdl.Cards;

/// <summary>
/// Every card built from fixed sample inputs. The golden files cards/samples/{name}.json are these cards; the
/// renderer test renders them, and a dev page can list them. Add an entry here for every new card.
/// </summary>
public static class CardSamples
{
    public static IReadOnlyDictionary<string, Func<AdaptiveCard>> All { get; } = new SortedDictionary<string, Func<AdaptiveCard>>(StringComparer.Ordinal)
    {
        ["welcome"] = () => WelcomeCard.Build(new WelcomeCardData("Erika Mustermann")),
        ["ping-result"] = () => PingResultCard.Build(
            new PingResultCardData("Erika Mustermann", new DateTimeOffset(2025, 9, 15, 12, 30, 0, TimeSpan.Zero))),
        ["error"] = () => ErrorCard.Build(new ErrorCardData(
            Message: "Die Maßnahme MN-2025-0042 konnte nicht geladen werden.",
            CorrelationId: "4f2a9c1e",
            RetryVerb: CardVerbs.MeasureRefresh,
            RetryData: new Dictionary<string, object?> { [CardVerbs.MeasureNumberKey] = "MN-2025-0042" })),
        ["measure-summary"] = () => MeasureSummaryCard.Build(new MeasureSummaryData(
            Number: "MN-2025-0042",
            Title: "Aktivierung und berufliche Eingliederung – Perspektive 50plus",
            Kind: "Einkaufsmaßnahme",
            Traeger: "Bildungswerk Nord gGmbH",
            Location: "Hamburg-Harburg",
            Capacity: 12,
            Occupancy: 9,
            NextEntryDate: new DateOnly(2025, 10, 1),
            Betreuer: "Jonas Becker")),
    };
}
