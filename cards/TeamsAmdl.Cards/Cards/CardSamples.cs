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
        ["my-tasks"] = () => MyTasksCard.Build(new MyTasksCardData(
            "Erika Mustermann",
            [new OpenRatingTask("bw-2025-0042-01", "MN-2025-0042", "Bildungswerk Nord gGmbH", new DateOnly(2025, 10, 15), 7, 18)],
            [new WeeklyInputTask("2025-W38", "KW 38/2025", ["MN-2025-0042", "MN-2025-0077"])],
            [new PlaceDecisionTask("MN-2025-0042", "Aktivierung und berufliche Eingliederung – Perspektive 50plus", "pr-0001", "K-7F3A-2291", "Jonas Becker")],
            AfterEnd: [new AfterEndTaskItem("MN-2025-0017", "Aktivcenter Jugend", "Abschlussbericht des Trägers prüfen", new DateOnly(2025, 9, 12), Overdue: true)])),
        ["my-tasks-empty"] = () => MyTasksCard.Build(new MyTasksCardData("Erika Mustermann", [], [], [])),
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
        ["free-places-alert"] = () => FreePlaceAlertCard.Build(new FreePlaceAlertCardData([SampleFreePlace()])),
        ["free-places-alert-bundle"] = () => FreePlaceAlertCard.Build(new FreePlaceAlertCardData(
        [
            SampleFreePlace(),
            SampleFreePlace() with
            {
                Number = "MN-2025-0077", Title = "DIA-AM Hamburg Süd", Kind = "DIA-AM", Traeger = "Integra Fachdienste GmbH",
                Location = "Hamburg-Wilhelmsburg", FreePlaces = 1, NextEntryDate = new DateOnly(2025, 10, 13),
                IntakeDeadline = new DateOnly(2026, 9, 30), TargetGroup = "Rehabilitanden mit Klärungsbedarf", BetreuerName = "Lea Koch",
                BetreuerEmail = "lea.koch@jobcenter-musterstadt.example",
            },
            SampleFreePlace() with
            {
                Number = "MN-2024-0913", Title = "UB/InbeQ Hamburg", Kind = "UB/InbeQ", Traeger = "Inklusionsdienst Elbe gGmbH", FreePlaces = 0,
                NextEntryDate = new DateOnly(2025, 10, 2), IntakeDeadline = new DateOnly(2026, 3, 31), Muted = true,
                MyRequest = ("TN-4711-AB", PlaceRequestState.Waitlisted),
            },
        ], LeftOut: 2)),
        ["free-places-alert-details"] = () => FreePlaceAlertCard.Build(new FreePlaceAlertCardData(
            [SampleFreePlace() with
            {
                Muted = true,
                Details = new FreePlaceMeasureDetails("§ 45 SGB III", new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31), 12, 9, 1, 0),
            }], Banner: new CardBanner(CardBannerKind.Info, "Benachrichtigungen für Maßnahme MN-2025-0042 sind stummgeschaltet."),
            Detailed: true)),
        ["free-places-alert-error"] = () => FreePlaceAlertCard.Build(new FreePlaceAlertCardData([SampleFreePlace()],
            Banner: new CardBanner(CardBannerKind.Attention,
                "Ungültige Kundenreferenz. Bitte nur die pseudonyme Kundenreferenz eingeben (z. B. TN-4711-AB): Großbuchstaben, Ziffern und Bindestriche, keine Namen oder Geburtsdaten."),
            Note: "Eintritt frühestens ab 06.10.")),
        ["place-request-pending"] = () => PlaceRequestOutcomeCard.Build(new PlaceRequestOutcomeCardData(SampleFreePlace() with { FreePlaces = 1 },
            "0638953284000000000-000001", "TN-4711-AB", PlaceRequestState.Pending, new DateOnly(2025, 10, 1), "Jonas Becker")),
        ["place-request-confirmed"] = () => PlaceRequestOutcomeCard.Build(new PlaceRequestOutcomeCardData(SampleFreePlace() with { FreePlaces = 1 },
            "0638953284000000000-000001", "TN-4711-AB", PlaceRequestState.Confirmed, new DateOnly(2025, 10, 1), "Jonas Becker")),
        ["place-request-declined"] = () => PlaceRequestOutcomeCard.Build(new PlaceRequestOutcomeCardData(SampleFreePlace(),
            "0638953284000000000-000001", "TN-4711-AB", PlaceRequestState.Declined, new DateOnly(2025, 10, 1), "Jonas Becker",
            DeclineReason: "Zielgruppe passt nicht.")),
        ["place-request-refused"] = () => PlaceRequestOutcomeCard.Build(new PlaceRequestOutcomeCardData(SampleFreePlace() with { FreePlaces = 0 },
            "0638953284000000000-000002", "TN-0815-CD", PlaceRequestState.Refused, new DateOnly(2025, 10, 1),
            BackToMeasures: "MN-2025-0042,MN-2025-0077")),
        ["place-request-waitlisted"] = () => PlaceRequestOutcomeCard.Build(new PlaceRequestOutcomeCardData(SampleFreePlace() with { FreePlaces = 0 },
            "0638953284000000000-000002", "TN-0815-CD", PlaceRequestState.Waitlisted, new DateOnly(2025, 10, 1), WaitlistPosition: 3)),
        ["place-request-decision"] = () => PlaceRequestDecisionCard.Build(new PlaceRequestDecisionCardData("MN-2025-0042",
            "Aktivierung und berufliche Eingliederung – Perspektive 50plus", "0638953284000000000-000001", "TN-4711-AB",
            "Eintritt frühestens ab 06.10.", "Laura Krüger", "laura.krueger@jobcenter-musterstadt.example", new DateOnly(2025, 10, 1),
            new DateTimeOffset(2025, 9, 29, 8, 45, 0, TimeSpan.Zero), 1, PlaceRequestState.Pending)),
        ["place-request-decision-confirmed"] = () => PlaceRequestDecisionCard.Build(new PlaceRequestDecisionCardData("MN-2025-0042",
            "Aktivierung und berufliche Eingliederung – Perspektive 50plus", "0638953284000000000-000003", "TN-0815-CD", null, "Laura Krüger",
            "laura.krueger@jobcenter-musterstadt.example", new DateOnly(2025, 10, 1), new DateTimeOffset(2025, 9, 29, 8, 45, 0, TimeSpan.Zero), 0,
            PlaceRequestState.Confirmed, "Jonas Becker", new DateTimeOffset(2025, 9, 29, 10, 5, 0, TimeSpan.Zero), FromWaitlist: true)),
        ["weekly-input"] = () => WeeklyInputCard.Build(SampleWeeklyInput(reminder: false)),
        ["weekly-input-reminder"] = () => WeeklyInputCard.Build(SampleWeeklyInput(reminder: true)),
        ["weekly-input-done"] = () => WeeklyInputDoneCard.Build(new WeeklyInputDoneCardData("2025-W40", "KW 40/2025", "Jonas Becker",
            new DateTimeOffset(2025, 9, 29, 8, 45, 0, TimeSpan.Zero),
            [
                new WeeklyInputDoneRow("MN-2025-0042", "Aktivierung und berufliche Eingliederung – Perspektive 50plus", 8, 12, 4, new DateOnly(2025, 10, 1), true),
                new WeeklyInputDoneRow("MN-2025-0077", "DIA-AM Hamburg Süd", 10, 12, 2, new DateOnly(2025, 10, 13), false),
            ])),
        ["digest"] = () => DigestCard.Build(SampleDigest(condensed: false)),
        ["digest-condensed"] = () => DigestCard.Build(SampleDigest(condensed: true)),
        ["rating-request"] = () => RatingRequestCard.Build(new RatingRequestCardData(RatingSampleHeader(28),
            TemplateTitle: "Trägerbewertung TM – Hard Facts und Soft Facts", TemplateVersion: 1, QuestionCount: 15, PageCount: 2,
            RequestedBy: "Julia Weber", Threshold: "2", Note: null, AssessorUserId: "7b1c2d3e-0000-4000-8000-00000000be03")),
        ["rating-page"] = () => RatingPageCard.Build(new RatingPageCardData(RatingSampleHeader(21), Page: 1, PageCount: 3,
            Section: "Hard Facts", Part: 1, Parts: 1, Scale: RatingSampleScale, Questions:
            [
                new("h1", 1, "Teilnehmerzahlen: Die vertraglich vereinbarten Plätze sind besetzt, freie Plätze werden unverzüglich gemeldet.",
                    "Auslastung laut Vertrag und Meldungen über freie Plätze.", 3),
                new("h2", 2, "Anwesenheit: Anwesenheitslisten sind vollständig, Fehlzeiten werden fristgerecht gemeldet.", null, 4,
                    "Listen kommen immer pünktlich."),
                new("h3", 3, "Integrationsquote: Die vertraglich vereinbarte Eingliederungs- bzw. Zielquote wird erreicht."),
            ], Answered: 2, QuestionCount: 15, Errors: null, AssessorUserId: "7b1c2d3e-0000-4000-8000-00000000be03")),
        ["rating-page-error"] = () => RatingPageCard.Build(new RatingPageCardData(RatingSampleHeader(21), Page: 2, PageCount: 3,
            Section: "Soft Facts", Part: 1, Parts: 1, Scale: RatingSampleScale, Questions:
            [
                new("s1", 8, "Zusammenarbeit mit dem Jobcenter: Absprachen mit Maßnahmebetreuung und Integrationsfachkräften werden eingehalten.", null, 2),
                new("s2", 9, "Erreichbarkeit: Die Ansprechpersonen des Trägers sind gut erreichbar und reagieren zeitnah."),
            ], Answered: 7, QuestionCount: 15, Errors: ["Frage 9 ist nicht beantwortet."])),
        ["rating-summary"] = () => RatingSummaryCard.Build(new RatingSummaryCardData(RatingSampleHeader(20), Page: 3, PageCount: 3,
            HardAverage: "3,14", SoftAverage: "3,25", Threshold: "2", Sections: RatingSampleSections, BadValues: [])),
        ["rating-summary-auffaellig"] = () => RatingSummaryCard.Build(new RatingSummaryCardData(RatingSampleHeader(20), Page: 3, PageCount: 3,
            HardAverage: "1,85", SoftAverage: "3,12", Threshold: "2", Sections: RatingSampleSections, BadValues:
            [
                new("avg-hard", RatingBadValueKind.HardFactsAverage, "1,85", Begruendung: "Nur 6 von 12 Plätzen besetzt, Berichte kommen verspätet.",
                    BegruendungMissing: false, HandlungsempfehlungMissing: true),
                new("q-s2", RatingBadValueKind.SoftFactsQuestion, "1", 9, "Erreichbarkeit: Die Ansprechpersonen des Trägers sind gut erreichbar und reagieren zeitnah.",
                    BegruendungMissing: true, HandlungsempfehlungMissing: true),
            ], ShowMissing: true, AssessorUserId: "7b1c2d3e-0000-4000-8000-00000000be03")),
        ["rating-submitted"] = () => RatingSubmittedCard.Build(new RatingSubmittedCardData(RatingSampleHeader(20),
            new DateTimeOffset(2026, 11, 29, 9, 15, 0, TimeSpan.Zero), "1,85", "3,12", RatingSampleBadValues)),
        ["rating-reminder"] = () => RatingReminderCard.Build(new RatingReminderCardData(RatingSampleHeader(7), Answered: 7, QuestionCount: 15)),
        ["rating-overdue"] = () => RatingOverdueCard.Build(new RatingOverdueCardData(RatingSampleHeader(-1), "Nadine Hoffmann",
            new DateOnly(2026, 11, 21), Answered: 0, QuestionCount: 15)),
        ["rating-flagged"] = () => RatingFlaggedCard.Build(new RatingFlaggedCardData(RatingSampleHeader(20), "Nadine Hoffmann", "Nadine Hoffmann",
            new DateTimeOffset(2026, 11, 29, 9, 15, 0, TimeSpan.Zero), "1,85", "3,12", "2", RatingSampleBadValues)),
        ["rating-closed"] = () => RatingClosedCard.Build(new RatingClosedCardData(RatingSampleHeader(10),
            new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero), "Die Bewertungsanfrage ist geschlossen; Ihre Eingaben wurden nicht gespeichert.")),
        ["month-end"] = () => MonthEndCard.Build(new MonthEndCardData("November 2026", new DateOnly(2026, 11, 30), "Team U25",
        [
            new MonthEndRow("962-E-2026-0101", "Aktivcenter Jugend", 12, 9),
            new MonthEndRow("962-D-2026-0201", "DIA-AM Musterstadt Los 1", 10, 4, TmConsumed: 8.73m, TmPlanned: 24.00m),
            new MonthEndRow("962-U-2026-0301", "UB/InbeQ Musterstadt", 13, 7, PaidButEmpty: 3),
        ],
        [
            new MonthEndPendingReport("962-D-2026-0201", "Eintritts-/Nichteintrittsmeldung TN-0201-03", new DateOnly(2026, 10, 19)),
            new MonthEndPendingReport("962-D-2026-0201", "Anwesenheitszeiten Oktober 2026", new DateOnly(2026, 11, 9)),
            new MonthEndPendingReport("962-U-2026-0301", "Anwesenheitszeiten Oktober 2026", new DateOnly(2026, 11, 9)),
            new MonthEndPendingReport("962-D-2026-0201", "Bewirtschaftungsliste Oktober 2026", new DateOnly(2026, 11, 10)),
            new MonthEndPendingReport("962-U-2026-0301", "Bewirtschaftungsliste Oktober 2026", new DateOnly(2026, 11, 10)),
            new MonthEndPendingReport("962-D-2026-0201", "Austritts- und Verbleibsmeldung TN-0201-01", new DateOnly(2026, 11, 20)),
        ])),
        ["month-end-empty"] = () => MonthEndCard.Build(new MonthEndCardData("November 2026", new DateOnly(2026, 11, 30), null, [])),
        ["quality-task-review"] = () => AfterEndTaskCard.Build(new AfterEndTaskCardData(QualityTaskKind.Abschlussbericht, "962-E-2026-0104",
            "Bewerbungswerkstatt Digital", "Lernfabrik Nordstadt GmbH", new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 14), 14)),
        ["quality-task-outcome-reminder"] = () => AfterEndTaskCard.Build(new AfterEndTaskCardData(QualityTaskKind.Eingliederungserfolg,
            "962-E-2026-0104", "Bewerbungswerkstatt Digital", "Lernfabrik Nordstadt GmbH", new DateOnly(2026, 11, 30), new DateOnly(2027, 6, 14), 14,
            Reminder: true)),
        ["quality-task-outcome-done"] = () => AfterEndTaskCard.Build(new AfterEndTaskCardData(QualityTaskKind.Eingliederungserfolg,
            "962-E-2026-0104", "Bewerbungswerkstatt Digital", "Lernfabrik Nordstadt GmbH", new DateOnly(2026, 11, 30), new DateOnly(2027, 6, 14), 14,
            DoneBy: ("Julia Weber", new DateOnly(2027, 6, 2)), Result: (5, 9))),
        ["inspection-reminder"] = () => InspectionReminderCard.Build(new InspectionReminderCardData("962-E-2026-0106", "Stabilisierung und Teilhabe",
            "Perspektive Plus gGmbH", "regular-9", "Regelprüfung (9 Monate nach Beginn)", "geplant", new DateOnly(2027, 5, 3), 14)),
        ["mangel-notice"] = () => MangelNoticeCard.Build(new MangelNoticeCardData("962-U-2026-0301", "UB/InbeQ Musterstadt",
            "Inklusionsdienst Lindenhof gGmbH", "Mangel: Frist versäumt",
            "Der Träger hat den Mangel nicht fristgerecht als behoben angezeigt. Die Fachkraft Steuerung & Qualitätssicherung ist in die Vorbereitung weiterer Entscheidungen einbezogen.",
            "Anwesenheitslisten werden nicht tagesaktuell geführt.", "Frist versäumt – Fachkraft S&QS einbezogen", new DateOnly(2027, 3, 30),
            "Qualitätskalender (automatisch)")),
    };

    private static RatingHeaderData RatingSampleHeader(int daysLeft) => new("bw-3f9a1c27e0d4", "962-E-2026-0103",
        "Berufliche Orientierung für Geflüchtete", "Bildungszentrum am Hafen e.V.", "Regelbewertung während der Maßnahme",
        new DateOnly(2026, 12, 19), daysLeft);

    private static RatingScaleChoice[] RatingSampleScale =>
        [new(4, "sehr gut"), new(3, "gut"), new(2, "ausreichend"), new(1, "mangelhaft")];

    private static RatingSectionSummary[] RatingSampleSections =>
    [
        new("Hard Facts", "1,85", [new(1, "Teilnehmerzahlen", "1 – mangelhaft"), new(2, "Anwesenheit", "2 – ausreichend"), new(3, "Integrationsquote", "3 – gut")]),
        new("Soft Facts", "3,12", [new(8, "Zusammenarbeit mit dem Jobcenter", "4 – sehr gut"), new(9, "Erreichbarkeit", "1 – mangelhaft")]),
    ];

    private static RatingBadValueView[] RatingSampleBadValues =>
    [
        new("avg-hard", RatingBadValueKind.HardFactsAverage, "1,85", Begruendung: "Nur 6 von 12 Plätzen besetzt, Berichte kommen verspätet.",
            Handlungsempfehlung: "Qualitätsgespräch mit dem Träger bis 15.12.; Besetzungsplan anfordern."),
        new("q-s2", RatingBadValueKind.SoftFactsQuestion, "1", 9, "Erreichbarkeit: Die Ansprechpersonen des Trägers sind gut erreichbar und reagieren zeitnah.",
            "Telefonisch seit Wochen kaum erreichbar, E-Mails bleiben unbeantwortet.", "Feste Sprechzeiten und eine Vertretung vereinbaren."),
    ];

    private static WeeklyInputCardData SampleWeeklyInput(bool reminder) => new(
        Week: "2025-W40", WeekLabel: "KW 40/2025", Monday: new DateOnly(2025, 9, 29), Sunday: new DateOnly(2025, 10, 5),
        BetreuerName: "Jonas Becker",
        Measures:
        [
            new WeeklyInputMeasure("MN-2025-0042", "Aktivierung und berufliche Eingliederung – Perspektive 50plus", "Einkaufsmaßnahme",
                "Bildungswerk Nord gGmbH", "Hamburg-Harburg", Capacity: 12, SystemOccupied: 9, SystemFree: 3,
                SystemNextEntry: new DateOnly(2025, 10, 1), IntakeOpen: true, EntryOnGrid: false,
                Occupied: reminder ? 14 : 9, NextEntry: new DateOnly(2025, 10, 1), Remarks: reminder ? "Zwei Abbrüche in KW 39" : null,
                Errors: reminder ? ["14 belegte Plätze sind mehr als die 12 Plätze der Maßnahme; ein Platz kann nicht doppelt vergeben werden."] : null),
            new WeeklyInputMeasure("MN-2025-0077", "DIA-AM Hamburg Süd", "DIA-AM", "Integra Fachdienste GmbH", "Hamburg-Wilhelmsburg",
                Capacity: 12, SystemOccupied: 10, SystemFree: 2, SystemNextEntry: new DateOnly(2025, 10, 13), IntakeOpen: true,
                EntryOnGrid: true, Occupied: 10, NextEntry: new DateOnly(2025, 10, 13), Remarks: null, AlreadySubmitted: reminder),
            new WeeklyInputMeasure("MN-2024-0913", "UB/InbeQ Hamburg", "UB/InbeQ", "Inklusionsdienst Elbe gGmbH", "Hamburg-Mitte",
                Capacity: 10, SystemOccupied: 7, SystemFree: 0, SystemNextEntry: null, IntakeOpen: false, EntryOnGrid: false,
                Occupied: 7, NextEntry: null, Remarks: null),
        ],
        IsReminder: reminder, Part: 1, Parts: reminder ? 1 : 2, MinEntryDate: new DateOnly(2025, 9, 29), HasErrors: reminder);

    private static DigestCardData SampleDigest(bool condensed) => new(
        WeekLabel: "KW 40/2025", Monday: new DateOnly(2025, 9, 29), Sunday: new DateOnly(2025, 10, 5), PublishedBy: "Julia Weber",
        PublishedAt: new DateTimeOffset(2025, 10, 1, 9, 30, 0, TimeSpan.Zero), Part: 1, Parts: condensed ? 1 : 2,
        Summary: new DigestCardSummary(Measures: 26, FreePlaces: 48, MeasuresWithFreePlaces: 15, EntriesSoon: 7, SoonDays: 14, Missing: 2),
        Sections:
        [
            new DigestCardSection("Team U25", Continued: false,
            [
                new DigestCardGroup("Einkaufsmaßnahme", Continued: false,
                [
                    new DigestCardRow("MN-2025-0042", "Aktivierung und berufliche Eingliederung – Perspektive 50plus", "Bildungswerk Nord gGmbH",
                        "Hamburg-Harburg", 8, 12, 4, new DateOnly(2025, 10, 1), EntrySoon: true, Remarks: "Zwei Abbrüche in KW 39", SystemValues: false),
                    new DigestCardRow("MN-2025-0051", "Bewerbungswerkstatt Digital", "Lernfabrik Nordstadt GmbH", "Hamburg-Nord", 10, 10, 0,
                        null, EntrySoon: false, Remarks: null, SystemValues: true),
                ], HiddenCount: condensed ? 3 : 0),
                new DigestCardGroup("AGH", Continued: false,
                [
                    new DigestCardRow("MN-2025-0063", "AGH Stadtgrün", "ProArbeit Hamburg GmbH", "Hamburg-Süd", 16, 20, 4,
                        new DateOnly(2025, 11, 3), EntrySoon: false, Remarks: null, SystemValues: false),
                ]),
            ]),
            new DigestCardSection("Team Reha/SB", Continued: !condensed,
            [
                new DigestCardGroup("DIA-AM", Continued: !condensed,
                [
                    new DigestCardRow("MN-2025-0077", "DIA-AM Hamburg Süd", "Integra Fachdienste GmbH", "Hamburg-Wilhelmsburg", 10, 12, 2,
                        new DateOnly(2025, 11, 10), EntrySoon: false, Remarks: null, SystemValues: false),
                ], HiddenCount: condensed ? 1 : 0),
            ]),
        ],
        CondensedMaxMessages: condensed ? 10 : null,
        TabUrl: "https://teams.microsoft.com/l/entity/5d7f9ce3-4eea-4e6a-965e-f047ef2989b2/massnahmeinfo");

    private static FreePlaceMeasure SampleFreePlace() => new("MN-2025-0042", "Aktivierung und berufliche Eingliederung – Perspektive 50plus",
        "Einkaufsmaßnahme", "Bildungswerk Nord gGmbH", "Hamburg-Harburg", FreePlaces: 2, NextEntryDate: new DateOnly(2025, 10, 1),
        IntakeDeadline: new DateOnly(2026, 3, 31), IntakeOpen: true, TargetGroup: "Langzeitarbeitslose ab 50 Jahren",
        BetreuerName: "Jonas Becker", BetreuerEmail: "jonas.becker@jobcenter-musterstadt.example");
}
