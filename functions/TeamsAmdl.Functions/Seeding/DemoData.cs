using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Seeding;

/// <summary>
/// A fictional Jobcenter ("Jobcenter Musterstadt") for demos and end-to-end tests. Staff and Träger are invented;
/// customers appear only as pseudonymous references (R-SEC-1). Dates are relative to the month of the first seed,
/// so the demo shows open and closed intake windows whenever it is started.
/// </summary>
public static class DemoData
{
    public const string JobcenterName = "Jobcenter Musterstadt";
    public const string CoordinatorId = "koord-weber";

    public static readonly Team[] Teams =
    [
        new("team-u25", "Team U25", "Musterstadt-Mitte"),
        new("team-ue25-nord", "Team Ü25 Nord", "Musterstadt-Nord"),
        new("team-reha", "Team Reha/SB", "Musterstadt-Mitte"),
        new("team-sued", "Team Integration Süd", "Musterstadt-Süd"),
    ];

    public static readonly Traeger[] Traeger =
    [
        new("tr-rheinaue", "Bildungswerk Rheinaue gGmbH", "Musterstadt", "kontakt@bw-rheinaue.example"),
        new("tr-neuewege", "Neue Wege Qualifizierung e.V.", "Musterstadt", "info@neuewege.example"),
        new("tr-proarbeit", "ProArbeit Musterstadt GmbH", "Musterstadt", "team@proarbeit.example"),
        new("tr-werkstatt", "Werkstatt Zukunft gGmbH", "Nachbarort", "buero@werkstatt-zukunft.example"),
        new("tr-lernfabrik", "Lernfabrik Nordstadt GmbH", "Musterstadt", "info@lernfabrik.example"),
        new("tr-integra", "Integra Fachdienste GmbH", "Musterstadt", "fachdienst@integra.example"),
        new("tr-hafen", "Bildungszentrum am Hafen e.V.", "Musterstadt", "info@bz-hafen.example"),
        new("tr-perspektive", "Perspektive Plus gGmbH", "Nachbarort", "kontakt@perspektive-plus.example"),
        new("tr-chancenwerk", "Chancenwerk Musterstadt e.V.", "Musterstadt", "hallo@chancenwerk.example"),
        new("tr-bruecke", "BerufsBrücke GmbH", "Musterstadt", "info@berufsbruecke.example"),
        new("tr-lindenhof", "Inklusionsdienst Lindenhof gGmbH", "Musterstadt", "ud@lindenhof.example"),
        new("tr-kompass", "Kompass Coaching GmbH", "Musterstadt", "coaching@kompass.example"),
    ];

    public static readonly Staff[] Staff = BuildStaff();

    private static Staff[] BuildStaff()
    {
        var list = new List<Staff>();
        void Add(string id, string name, string team, string? manager, params StaffRole[] roles) =>
            list.Add(new Staff(id, name, id.Replace('-', '.') + "@jobcenter-musterstadt.example", team, roles.ToHashSet(),
                AadObjectId: DeterministicGuid(id), ManagerId: manager));

        Add("gf-hartmann", "Dr. Sabine Hartmann", "team-u25", null, StaffRole.Geschaeftsleitung);
        Add("kfk-brandt", "Thomas Brandt", "team-u25", "gf-hartmann", StaffRole.KoordinierendeFuehrungskraft);
        Add(CoordinatorId, "Julia Weber", "team-u25", "kfk-brandt", StaffRole.Koordinator, StaffRole.Bewerter);
        Add("koord-yilmaz", "Deniz Yılmaz", "team-reha", "kfk-brandt", StaffRole.Koordinator, StaffRole.Bewerter);
        Add("sqs-krause", "Monika Krause", "team-u25", "kfk-brandt", StaffRole.FachkraftSqs);
        Add("sqs-lehmann", "Patrick Lehmann", "team-sued", "kfk-brandt", StaffRole.FachkraftSqs);
        string[] leads = ["tl-schubert", "tl-wolf", "tl-neumann", "tl-schwarz"];
        string[] leadNames = ["Andrea Schubert", "Michael Wolf", "Claudia Neumann", "Stefan Schwarz"];
        for (var i = 0; i < Teams.Length; i++)
            Add(leads[i], leadNames[i], Teams[i].Id, "gf-hartmann", StaffRole.Teamleitung);

        // Betreuer are IFKs named per measure; they also rate the Träger.
        string[] betreuer = ["Katrin Fischer", "Jan Becker", "Nadine Hoffmann", "Markus Schäfer", "Lea Koch", "Tobias Richter",
            "Sarah Klein", "Florian Schröder"];
        for (var i = 0; i < betreuer.Length; i++)
            Add(BetreuerId(i), betreuer[i], Teams[i % Teams.Length].Id, leads[i % Teams.Length],
                StaffRole.Betreuer, StaffRole.Ifk, StaffRole.Bewerter);

        string[] ifks = ["Anna Zimmermann", "Lukas Braun", "Miriam Hofmann", "Daniel Hartwig", "Laura Krüger", "Sebastian Lange",
            "Jana Schmitt", "Kevin Werner", "Melanie Vogel", "Philipp Kaiser", "Christina Frank", "Marcel Berger",
            "Nicole Busch", "Alexander Peters", "Sandra Möller", "Dennis Jung", "Franziska Keller", "Oliver Roth",
            "Vanessa Ziegler", "Matthias Sommer", "Elif Demir", "Paul Seidel", "Theresa Winkler", "Jonas Albrecht"];
        for (var i = 0; i < ifks.Length; i++)
            Add($"ifk-{Slug(ifks[i])}", ifks[i], Teams[i % Teams.Length].Id, leads[i % Teams.Length], StaffRole.Ifk);
        return list.ToArray();
    }

    public static string BetreuerId(int i) => $"betr-{i + 1:00}";

    /// <summary>
    /// (number, title, kind, legal basis, Träger, location, months since start, duration in months, places,
    /// active participants, target group). Numbers are invented Vergabenummern.
    /// </summary>
    private static readonly (string No, string Title, MeasureKind Kind, string Basis, string Tr, string Loc, int StartedMonthsAgo,
        int Months, int Places, int Active, string Target)[] MeasureRows =
    [
        ("962-E-2026-0101", "Aktivcenter Jugend", MeasureKind.Einkaufsmassnahme, "§ 45 SGB III", "tr-rheinaue", "Musterstadt-Mitte", 4, 12, 12, 9, "Jugendliche unter 25 ohne Berufsabschluss"),
        ("962-E-2026-0102", "Coaching Neustart 50+", MeasureKind.Einkaufsmassnahme, "§ 45 SGB III", "tr-kompass", "Musterstadt-Nord", 2, 9, 15, 15, "Langzeitarbeitslose ab 50 Jahren"),
        ("962-E-2026-0103", "Berufliche Orientierung für Geflüchtete", MeasureKind.Einkaufsmassnahme, "§ 45 SGB III", "tr-hafen", "Musterstadt-Süd", 6, 12, 20, 14, "Geflüchtete mit Sprachniveau ab A2"),
        ("962-E-2026-0104", "Bewerbungswerkstatt Digital", MeasureKind.Einkaufsmassnahme, "§ 45 SGB III", "tr-lernfabrik", "Musterstadt-Nord", 1, 6, 10, 3, "Arbeitsuchende mit Grundkenntnissen am PC"),
        ("962-E-2026-0105", "Familiencoaching Alleinerziehende", MeasureKind.Einkaufsmassnahme, "§ 16a SGB II i. V. m. § 45 SGB III", "tr-chancenwerk", "Musterstadt-Mitte", 8, 18, 16, 12, "Alleinerziehende Leistungsberechtigte"),
        ("962-E-2026-0106", "Stabilisierung und Teilhabe", MeasureKind.Einkaufsmassnahme, "§ 16k SGB II", "tr-perspektive", "Nachbarort", 3, 12, 8, 8, "Leistungsberechtigte mit multiplen Vermittlungshemmnissen"),
        ("962-E-2026-0107", "Gastro-Start Qualifizierung", MeasureKind.Einkaufsmassnahme, "§ 45 SGB III", "tr-proarbeit", "Musterstadt-Süd", 0, 6, 12, 0, "Quereinsteigende Gastronomie"),
        ("962-E-2026-0108", "Lager und Logistik Kompakt", MeasureKind.Einkaufsmassnahme, "§ 45 SGB III", "tr-bruecke", "Musterstadt-Nord", 5, 8, 14, 11, "Arbeitsuchende mit Interesse an Logistik"),
        ("962-D-2026-0201", "DIA-AM Musterstadt Los 1", MeasureKind.DiaAm, "§ 49 Abs. 4 i. V. m. § 55 SGB IX", "tr-integra", "Musterstadt-Mitte", 3, 24, 10, 7, "Rehabilitanden mit Klärungsbedarf"),
        ("962-D-2026-0202", "DIA-AM Musterstadt Los 2", MeasureKind.DiaAm, "§ 49 Abs. 4 i. V. m. § 55 SGB IX", "tr-lindenhof", "Musterstadt-Süd", 7, 24, 8, 8, "Rehabilitanden mit Klärungsbedarf"),
        ("962-D-2026-0203", "DIA-AM Nachbarort", MeasureKind.DiaAm, "§ 49 Abs. 4 i. V. m. § 55 SGB IX", "tr-werkstatt", "Nachbarort", 1, 24, 6, 2, "Rehabilitanden mit Klärungsbedarf"),
        ("962-D-2026-0204", "DIA-AM Nord", MeasureKind.DiaAm, "§ 49 Abs. 4 i. V. m. § 55 SGB IX", "tr-integra", "Musterstadt-Nord", 11, 24, 9, 5, "Rehabilitanden mit Klärungsbedarf"),
        ("962-U-2026-0301", "UB/InbeQ Musterstadt", MeasureKind.UbInbeq, "§ 55 SGB IX", "tr-lindenhof", "Musterstadt-Mitte", 5, 36, 13, 8, "Menschen mit Behinderung mit Unterstützungsbedarf am Arbeitsplatz"),
        ("962-U-2026-0302", "UB/InbeQ Süd", MeasureKind.UbInbeq, "§ 55 SGB IX", "tr-integra", "Musterstadt-Süd", 14, 36, 10, 7, "Menschen mit Behinderung mit Unterstützungsbedarf am Arbeitsplatz"),
        ("962-U-2026-0303", "UB/InbeQ Nachbarort", MeasureKind.UbInbeq, "§ 55 SGB IX", "tr-werkstatt", "Nachbarort", 11, 36, 6, 6, "Menschen mit Behinderung mit Unterstützungsbedarf am Arbeitsplatz"),
        ("962-U-2026-0304", "UB/InbeQ Nord", MeasureKind.UbInbeq, "§ 55 SGB IX", "tr-lindenhof", "Musterstadt-Nord", 2, 36, 8, 3, "Menschen mit Behinderung mit Unterstützungsbedarf am Arbeitsplatz"),
        ("962-A-2026-0401", "AGH Stadtgrün", MeasureKind.Agh, "§ 16d SGB II", "tr-proarbeit", "Musterstadt-Süd", 4, 10, 20, 16, "Langzeitarbeitslose Leistungsberechtigte"),
        ("962-A-2026-0402", "AGH Sozialkaufhaus", MeasureKind.Agh, "§ 16d SGB II", "tr-chancenwerk", "Musterstadt-Mitte", 2, 12, 15, 15, "Langzeitarbeitslose Leistungsberechtigte"),
        ("962-A-2026-0403", "AGH Fahrradwerkstatt", MeasureKind.Agh, "§ 16d SGB II", "tr-neuewege", "Musterstadt-Nord", 6, 12, 10, 6, "Langzeitarbeitslose Leistungsberechtigte"),
        ("962-A-2026-0404", "AGH Quartiershelfer", MeasureKind.Agh, "§ 16d SGB II", "tr-perspektive", "Nachbarort", 1, 9, 12, 4, "Langzeitarbeitslose Leistungsberechtigte"),
        ("962-L-2026-0501", "LAP Brücke in Arbeit", MeasureKind.LapProjekt, "LAP (kommunale Förderung)", "tr-neuewege", "Musterstadt-Mitte", 9, 24, 25, 19, "Langzeitarbeitslose mit Nachbetreuungsbedarf"),
        ("962-L-2026-0502", "LAP Jobpaten", MeasureKind.LapProjekt, "LAP (kommunale Förderung)", "tr-chancenwerk", "Musterstadt-Süd", 3, 24, 18, 10, "Langzeitarbeitslose mit Nachbetreuungsbedarf"),
        ("962-L-2026-0503", "LAP Frauen in Beruf", MeasureKind.LapProjekt, "LAP (kommunale Förderung)", "tr-rheinaue", "Musterstadt-Nord", 12, 24, 15, 12, "Frauen mit Kinderbetreuungspflichten"),
        ("962-G-2026-0601", "AVGS Einzelcoaching Bewerbung", MeasureKind.Gutschein, "§ 45 Abs. 4 SGB III (AVGS)", "tr-kompass", "Musterstadt-Mitte", 2, 12, 30, 12, "Arbeitsuchende mit Coachingbedarf"),
        ("962-G-2026-0602", "BGS Fachkraft Lagerlogistik", MeasureKind.Gutschein, "§ 81 SGB III (BGS)", "tr-bruecke", "Musterstadt-Nord", 3, 24, 12, 9, "Arbeitsuchende ohne Berufsabschluss"),
        ("962-G-2026-0603", "AVGS Gründungscoaching", MeasureKind.Gutschein, "§ 45 Abs. 4 SGB III (AVGS)", "tr-lernfabrik", "Musterstadt-Süd", 1, 12, 10, 2, "Gründungsinteressierte Leistungsberechtigte"),
    ];

    /// <summary>Measures relative to <paramref name="anchor"/> (the first day of the month of the first seed).</summary>
    public static IReadOnlyList<Measure> Measures(DateOnly anchor) => MeasureRows.Select((r, i) =>
    {
        var start = anchor.AddMonths(-r.StartedMonthsAgo);
        var end = start.AddMonths(r.Months).AddDays(-1);
        var capacity = r.Kind == MeasureKind.DiaAm
            ? Capacity.Create(r.Kind, r.Places, averageOccupancy: r.Places * 4 / 5, contractedTm: r.Places * 4 / 5 * r.Months)
            : Capacity.Create(r.Kind, r.Places);
        var team = Teams[i % Teams.Length].Id;
        var koordinator = r.Kind is MeasureKind.DiaAm or MeasureKind.UbInbeq ? "koord-yilmaz" : CoordinatorId;
        return Measure.Create(r.No, r.Title, r.Kind, r.Basis, r.Tr, r.Loc, start, end, capacity, null, BetreuerId(i % 8),
            koordinator, team, r.Target);
    }).ToList();

    /// <summary>
    /// Active participants per measure (entered at or after start, none exited), plus one exited participant for
    /// every measure that started at least two months ago. References are pseudonymous ("TN-0101-01").
    /// </summary>
    public static IReadOnlyList<Participation> Participations(DateOnly anchor, DateOnly today)
    {
        var list = new List<Participation>();
        var measures = Measures(anchor);
        for (var i = 0; i < MeasureRows.Length; i++)
        {
            var m = measures[i];
            var ifk = ifkIds.Value[i % ifkIds.Value.Length];
            var suffix = m.Number[^4..];
            for (var k = 0; k < MeasureRows[i].Active; k++)
            {
                // DIA-AM participants enter on the 14-day rhythm and stay ≤ 12 weeks; others weekly from the start.
                var entry = m.Kind == MeasureKind.DiaAm
                    ? m.Start.AddDays(14 * Math.Max(0, (today.DayNumber - m.Start.DayNumber) / 14 - k % 6))
                    : Min(m.Start.AddDays(7 * k), today);
                list.Add(new Participation(m.Number, $"TN-{suffix}-{k + 1:00}", entry, null, null, ifk,
                    Phases: m.Kind == MeasureKind.UbInbeq ? DemoPhases(entry, today, k) : null));
            }
            if (MeasureRows[i].StartedMonthsAgo >= 2)
                list.Add(new Participation(m.Number, $"TN-{suffix}-90", m.Start, Min(m.Start.AddMonths(1), today.AddDays(-1)),
                    ExitReason.Abbruch, ifk));
        }
        return list;
    }

    /// <summary>
    /// UB phases of the first three participants, so the Fristen view shows phase LuVs: the Qualifizierungsphase after 8, 7 and
    /// 6 weeks in the Einstiegsphase, and for the first also the Stabilisierungsphase from a week ago. The others stay in the
    /// Einstiegsphase (past 8 weeks the list shows the hint).
    /// </summary>
    private static IReadOnlyList<UbPhaseChange>? DemoPhases(DateOnly entry, DateOnly today, int k)
    {
        if (k > 2) return null;
        var qualifizierung = entry.AddDays(7 * (UbPhases.EinstiegWeeks - k));
        if (qualifizierung >= today) return null;
        var stabilisierung = today.AddDays(-7);
        return k == 0 && stabilisierung > qualifizierung
            ? [new(UbPhase.Qualifizierung, qualifizierung), new(UbPhase.Stabilisierung, stabilisierung)]
            : [new(UbPhase.Qualifizierung, qualifizierung)];
    }

    private static readonly Lazy<string[]> ifkIds = new(() => Staff.Where(s => s.Roles.SetEquals([StaffRole.Ifk])).Select(s => s.Id).ToArray());

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Slug(string name) => new string(name.ToLowerInvariant()
        .Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss").Replace("ı", "i")
        .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Split(' ')[0];

    private static string DeterministicGuid(string id) =>
        new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("teamsamdl-demo:" + id))).ToString();
}
