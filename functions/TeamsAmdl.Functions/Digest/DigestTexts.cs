using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Functions.Digest;

/// <summary>German texts of the tab API and the digest handlers (the card texts live in cards/TeamsAmdl.Cards/Texts.Digest.cs).</summary>
public static class DigestTexts
{
    public const string CoordinatorsOnly =
        "Die Wochenmeldungen und das Veröffentlichen der Maßnahmeinfo sind Koordinatorinnen und Koordinatoren vorbehalten.";

    public static string UnknownWeek(string text) =>
        $"„{text}“ ist keine Kalenderwoche von {WeekKey.MinValue.Label} bis {WeekKey.MaxValue.Label} (erwartet z. B. 2026-W47 oder „current“).";

    public static string WeekNotPublishable(WeekKey current) => current.Previous() is { } previous
        ? $"Veröffentlichen ist nur für {current.Label} und {previous.Label} möglich."
        : $"Veröffentlichen ist nur für {current.Label} möglich.";

    public static string UnknownMeasure(string number, string weekLabel) => $"Die Maßnahme „{number}“ gibt es in der {weekLabel} nicht.";
    public static string UnknownKind(string kind) =>
        $"Unbekannte Maßnahmeart „{kind}“. Erlaubt: {string.Join(", ", Enum.GetValues<MeasureKind>().Select(k => $"{k} ({k.German()})"))}.";

    public const string InvalidInput = "Bitte die markierten Angaben prüfen; es wurde nichts gespeichert.";

    public static string ChangedMeanwhile(string? by, DateTimeOffset? at) => by is null
        ? "Inzwischen geändert von jemand anderem. Ihre Änderung wurde nicht gespeichert; die aktuellen Werte sind geladen."
        : $"Inzwischen geändert von {by}{(at is { } t ? " " + At(t) : "")}. Ihre Änderung wurde nicht gespeichert; die aktuellen Werte sind geladen.";

    public const string NoTargets = "Bitte mindestens einen Kanal oder einen Empfängerkreis (IFKs, Teamleitungen) wählen.";

    public const string PublishIdReused =
        "Diese Veröffentlichungskennung (publishId) gehört zu einer anderen Veröffentlichung (andere Woche oder andere Empfänger). " +
        "Für eine neue Veröffentlichung bitte eine neue Kennung verwenden.";
    public const string InvalidPublishId = "Die Veröffentlichung braucht eine Kennung (publishId, 8–64 Buchstaben, Ziffern oder Bindestriche).";

    public static string MissingInputs(string description) =>
        description + " Trotzdem veröffentlichen? Für diese Maßnahmen stehen dann die Werte aus dem System in der Maßnahmeinfo.";

    private const string InstallHint =
        "So beheben: In Teams das Team öffnen, „…“ › „Apps verwalten“ › „TeamsAmdl“ hinzufügen (oder eine Teambesitzerin bzw. " +
        "einen Teambesitzer darum bitten); danach erscheint der Kanal hier und Sie können erneut veröffentlichen.";

    public static string BotNotInChannel(string channel) => $"Der Bot ist im Kanal „{channel}“ nicht installiert. " + InstallHint;

    public static string UnknownChannel(string id) => $"Den Kanal „{id}“ kennt die App nicht: Der Bot wurde dort nie hinzugefügt. " + InstallHint;

    public static string ChannelTransient(string channel) =>
        $"Der Kanal „{channel}“ war gerade nicht erreichbar. Bitte in einigen Minuten erneut auf „Veröffentlichen“ klicken; bereits gesendete Teile werden nicht doppelt gesendet.";

    public static string ChannelInDoubt(string channel) =>
        $"Ob die Maßnahmeinfo im Kanal „{channel}“ angekommen ist, lässt sich gerade nicht prüfen. Sie wird deshalb nicht erneut gesendet; bitte später noch einmal auf „Veröffentlichen“ klicken.";

    public static string ChannelInProgress(string channel) =>
        $"Die Maßnahmeinfo wird gerade in den Kanal „{channel}“ gesendet. Bitte den Verlauf in einer Minute neu laden.";

    public const string WeekClosed = "Diese Wochenmeldung ist nicht mehr offen: Angaben sind nur für die laufende und die vorige Woche möglich.";

    public static string NotYourMeasure(string number) =>
        $"Die Maßnahme {number} wird nicht (mehr) von Ihnen betreut; Ihre Angaben dazu wurden nicht gespeichert.";

    public const string NoMeasures = "Für diese Woche sind Ihnen keine laufenden Maßnahmen zugeordnet.";

    public static string UnknownDigest(string id) => $"Eine veröffentlichte Maßnahmeinfo „{id}“ gibt es nicht.";

    public const string NoDigestYet = "Es wurde noch keine Maßnahmeinfo veröffentlicht.";

    public const string DocumentMissing = "Das Dokument zu dieser Maßnahmeinfo ist (noch) nicht vorhanden.";

    public const string FilingUnavailable = "Die e-Akte-Ablage ist in dieser Installation nicht eingerichtet (Filing:*).";

    public static string FilingQueued(int documents) =>
        documents == 1 ? "1 Dokument für die e-Akte vorgemerkt" : $"{documents} Dokumente für die e-Akte vorgemerkt";

    /// <summary>"21.11.2026, 11:05 Uhr" in Berlin time: the one date-time format of the tab and the cards.</summary>
    public static string DateTime(DateTimeOffset t) => Domain.BerlinCalendar.Format(t);

    public static string PublishedOn(DateTimeOffset t) => "veröffentlicht am " + DateTime(t);

    public static string AlreadyPublished(string weekLabel, DateTimeOffset at, string by) =>
        $"Die Maßnahmeinfo {weekLabel} wurde bereits am {DateTime(at)} von {by} veröffentlicht. Als Korrektur erneut senden? " +
        "Die Nachricht wird dann als Korrektur gekennzeichnet.";

    public static string Progress(int sent, int messages, int filed, int documents) =>
        $"{sent} von {messages} zugestellt · {filed} von {documents} {(documents == 1 ? "Dokument" : "Dokumenten")} abgelegt";

    public const string OwnTeam = "Ihr Team";
    public const string Subscription = "Ihr Abo freier Plätze";

    public const string JobQueued = "Die Veröffentlichung ist eingeplant und beginnt gleich.";
    public const string JobRunning = "Die Nachrichten werden erstellt und eingereiht.";
    public const string JobFailed =
        "Die Veröffentlichung wurde unterbrochen (Speicher oder Dienst nicht erreichbar). Bitte „Erneut versuchen“ wählen; bereits Gesendetes wird nicht doppelt gesendet.";
    public const string JobStalled = "Die Veröffentlichung hat nicht begonnen. Bitte „Erneut versuchen“ wählen.";

    public static string MessagesFailed(int count) =>
        count == 1 ? "1 Nachricht konnte nicht zugestellt werden." : $"{count} Nachrichten konnten nicht zugestellt werden.";

    public static string DocumentsParked(int count) =>
        count == 1 ? "1 Dokument konnte nicht in der e-Akte abgelegt werden." : $"{count} Dokumente konnten nicht in der e-Akte abgelegt werden.";

    public const string NothingToRetry = "Es gibt nichts zu wiederholen: Die Veröffentlichung läuft noch oder ist vollständig.";

    /// <summary>"am 21.11.2026, 11:05 Uhr" in Berlin time (the one format, <see cref="DateTime"/>).</summary>
    public static string At(DateTimeOffset t) => "am " + DateTime(t);
}
