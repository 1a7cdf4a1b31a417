namespace TeamsAmdl.Domain.Ratings;

/// <summary>
/// The questionnaire the app ships with ("Trägerbewertung TM", version 1): Hard Facts from the contract and the
/// reporting, Soft Facts from working with the Träger (seed 000 §6.3). Coordinators publish changed versions as data.
/// </summary>
public static class DefaultQuestionnaire
{
    public const string Id = "tm-standard";

    public static QuestionnaireTemplate Template { get; } = QuestionnaireTemplate.Create(Id, 1,
        "Trägerbewertung TM – Hard Facts und Soft Facts", RatingScale.Default,
        [
            new("h1", RatingSection.HardFacts, "Teilnehmerzahlen: Die vertraglich vereinbarten Plätze sind besetzt, freie Plätze werden unverzüglich gemeldet.",
                "Auslastung laut Vertrag und Meldungen über freie Plätze."),
            new("h2", RatingSection.HardFacts, "Anwesenheit: Anwesenheitslisten sind vollständig, Fehlzeiten werden fristgerecht gemeldet.",
                "Unentschuldigte Fehlzeiten innerhalb der vertraglichen Frist."),
            new("h3", RatingSection.HardFacts, "Integrationsquote: Die vertraglich vereinbarte Eingliederungs- bzw. Zielquote wird erreicht.",
                "Integrationen in Arbeit oder Ausbildung im Verhältnis zu den Austritten."),
            new("h4", RatingSection.HardFacts, "Berichtspflichten: Eingliederungs-, Zwischen- und Abschlussberichte liegen termingerecht vor.",
                null),
            new("h5", RatingSection.HardFacts, "Personalschlüssel: Betreuungsschlüssel und Qualifikation des eingesetzten Personals entsprechen dem Vertrag.",
                "Auch Vertretung bei Ausfall und Meldung von Personalwechseln."),
            new("h6", RatingSection.HardFacts, "Räume und Ausstattung: Lage, Erreichbarkeit, Barrierefreiheit und Technik entsprechen den Vergabeunterlagen.",
                null),
            new("h7", RatingSection.HardFacts, "Umsetzung des Konzepts: Inhalte, Module, Zeitplan und Praktika werden wie angeboten durchgeführt.",
                null),
            new("s1", RatingSection.SoftFacts, "Zusammenarbeit mit dem Jobcenter: Absprachen mit Maßnahmebetreuung und Integrationsfachkräften werden eingehalten.",
                null),
            new("s2", RatingSection.SoftFacts, "Erreichbarkeit: Die Ansprechpersonen des Trägers sind gut erreichbar und reagieren zeitnah.",
                null),
            new("s3", RatingSection.SoftFacts, "Qualität der Berichte: Berichte sind individuell, nachvollziehbar und enthalten konkrete Handlungsempfehlungen.",
                null),
            new("s4", RatingSection.SoftFacts, "Teilnehmerzufriedenheit: Rückmeldungen und Befragungen der Teilnehmenden fallen positiv aus, Beschwerden werden bearbeitet.",
                null),
            new("s5", RatingSection.SoftFacts, "Individuelle Förderung: Profiling, Förderplan und Coaching sind auf die einzelnen Teilnehmenden zugeschnitten.",
                null),
            new("s6", RatingSection.SoftFacts, "Information bei Problemen: Der Träger informiert unverzüglich über Konflikte, drohende Abbrüche oder Auffälligkeiten.",
                null),
            new("s7", RatingSection.SoftFacts, "Arbeitgeberkontakte: Der Träger akquiriert aktiv Praktikums- und Arbeitsstellen.",
                null),
            new("s8", RatingSection.SoftFacts, "Umgang mit Kritik: Hinweise werden aufgenommen, vereinbarte Verbesserungen umgesetzt.",
                null),
        ]);
}
