using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Digest;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>Synthetic digests of any size: realistic German titles, Träger names and remarks.</summary>
public static class DigestSamples
{
    public static readonly DateOnly Today = new(2026, 11, 18);

    private static readonly string[] Teams = ["Team U25", "Team Ü25 Nord", "Team Reha/SB", "Team Integration Süd", "Team Ü25 Mitte", "Team Markt & Integration"];
    private static readonly string[] Titles =
    [
        "Aktivierung und berufliche Eingliederung – Perspektive 50plus", "Bewerbungswerkstatt Digital", "Berufliche Orientierung für Geflüchtete",
        "Familiencoaching Alleinerziehende", "Stabilisierung und Teilhabe", "Gastro-Start Qualifizierung", "Lager und Logistik Kompakt",
        "DIA-AM Musterstadt", "UB/InbeQ Musterstadt", "AGH Stadtgrün und Quartierspflege",
    ];
    private static readonly string[] Traeger =
    [
        "Bildungswerk Rheinaue gGmbH", "Neue Wege Qualifizierung e.V.", "ProArbeit Musterstadt GmbH", "Werkstatt Zukunft gGmbH",
        "Inklusionsdienst Lindenhof gGmbH", "Kompass Coaching GmbH",
    ];

    public static IReadOnlyList<DigestEntry> Entries(int count, int seed = 42)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<MeasureKind>();
        return Enumerable.Range(1, count).Select(i =>
        {
            var capacity = random.Next(6, 31);
            var occupied = random.Next(0, capacity + 1);
            var free = random.Next(0, 3) == 0 ? 0 : capacity - occupied;
            var team = random.Next(Teams.Length);
            return new DigestEntry(
                $"962-X-2026-{i:D4}", Titles[random.Next(Titles.Length)] + (random.Next(3) == 0 ? " Los " + random.Next(1, 9) : ""),
                $"team-{team}", Teams[team], kinds[random.Next(kinds.Length)], Traeger[random.Next(Traeger.Length)], "Musterstadt-Süd",
                capacity, occupied, free, random.Next(4) == 0 ? null : Today.AddDays(random.Next(0, 40)),
                random.Next(4) == 0 ? "Trägerwechsel zum 01.12.; Einstieg „nach Absprache“ möglich – bitte Rückmeldung an die Betreuung." : null,
                (DigestInputState)random.Next(0, 4), "Katrin Fischer");
        }).ToList();
    }

    public static DigestSnapshot Snapshot(int count, string id = "test-digest-1", int seed = 42) => new(id, "2026-W47", "koord-weber", "Julia Weber",
        new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.Zero), Today,
        "https://teams.microsoft.com/l/entity/5d7f9ce3-4eea-4e6a-965e-f047ef2989b2/massnahmeinfo?context=%7B%22subEntityId%22%3A%222026-W47%22%7D",
        Entries(count, seed));
}
