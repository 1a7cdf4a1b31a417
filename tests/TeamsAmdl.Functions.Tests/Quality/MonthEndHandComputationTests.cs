using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Tests.Ratings;
using static TeamsAmdl.Functions.Tests.Quality.MonitoringTestSupport;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// R-QA-5 / issue 15 "done when": the month-end card and the Auslastungsbericht for five measures equal a hand
/// computation. Report month November 2026: the last working day is Monday 30.11.2026, occupancy is counted on it.
/// <code>
/// Measure        Team  Kind               bought  occupied on 30.11.            rate    note
/// 962-E-T-0001   A     Einkaufsmaßnahme   12      9 (10th exited 15.11.)        75,0 %
/// 962-E-T-0002   B     Einkaufsmaßnahme   10      3 (4th enters 01.12.)         30,0 %
/// 962-D-T-0003   A     DIA-AM             10      4 (P1 exited 20.11.)          40,0 %  TM: see below
/// 962-U-T-0004   A     UB/InbeQ           13      7 &lt; Mindestplatzzahl 10      53,8 %  3 Plätze bezahlt, aber leer
/// 962-U-T-0005   B     UB/InbeQ           10      8 ≥ Mindestplatzzahl 7        80,0 %
/// (not covered: an AGH measure, and an Einkaufsmaßnahme that ended 31.10.2026)
/// DIA-AM 962-D-T-0003, 01.09.2026–31.08.2027 (360 counted days), 96 TM contracted:
///   planned to 30.11. = 96 × 90/360 = 24,00 TM
///   consumed (30E/360 days): P1 01.09.–20.11. = 80, P2 15.09.– = 76, P3 01.10.– = 60, P4 01.11.– = 30, P5 15.11.– = 16
///   = 262 days = 8,7333 TM → 8,73; 8,73 / 24,00 = 36,4 %
/// Team A: 9 + 4 + 7 = 20 of 12 + 10 + 13 = 35 (57,1 %); Team B: 3 + 8 = 11 of 20 (55,0 %); all: 31 of 55 (56,4 %).
///
/// Träger reports overdue on the report day (R-TN-4): due 30.08.–29.11.2026 (92 days back), none ticked. Only DIA-AM and
/// UB/InbeQ report; attendance by the 9th, Bewirtschaftungsliste by the 10th (10.10. is a Saturday → Mon 12.10.), entry on
/// the entry day, exit on the last day; the Abschlussbericht of P1 (20.11. + 14 = 04.12.) and every LuV (2027) are not due yet.
///   962-D-T-0003 (A): Eintritt TN-0003-01 01.09., -02 15.09., -03 01.10., -04 01.11., -05 15.11.; Austritt TN-0003-01 20.11.;
///                     Anwesenheit Sep 09.10., Okt 09.11.; Bewirtschaftung Sep 12.10., Okt 10.11.          = 10
///   962-U-T-0004 (A): entries in May/June (before the window); Anwesenheit Aug 09.09., Sep 09.10., Okt 09.11.;
///                     Bewirtschaftung Aug 10.09., Sep 12.10., Okt 10.11.                                      = 6
///   962-U-T-0005 (B): as 0004                                                                             = 6
/// Team A 16, oldest first: 01.09. Eintritt TN-0003-01, 09.09. Anwesenheit Aug (0004), 10.09. Bewirtschaftung Aug (0004),
///   15.09. Eintritt TN-0003-02, 01.10. Eintritt TN-0003-03, "und 11 weitere". Team B 6: five named, "und 1 weitere".
/// All 22: 01.09. Eintritt TN-0003-01, 09.09. Anwesenheit Aug 0004 and 0005, 10.09. Bewirtschaftung Aug 0004 and 0005, "und 17 weitere".
/// </code>
/// </summary>
public sealed class MonthEndHandComputationTests(EmptyJobcenterAppFactory app) : IClassFixture<EmptyJobcenterAppFactory>
{
    private static readonly DateTimeOffset ReportDayAfternoon = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    private static readonly Staff Gf = Person("t-gf", "Gabriele Test", "t-team-a", StaffRole.Geschaeftsleitung);
    private static readonly Staff LeadA = Person("t-tl-a", "Anton Test", "t-team-a", StaffRole.Teamleitung);
    private static readonly Staff LeadB = Person("t-tl-b", "Berta Test", "t-team-b", StaffRole.Teamleitung);
    private static readonly Staff Koordinator = Person("t-koord", "Konrad Test", "t-team-a", StaffRole.Koordinator);
    private static readonly Staff Betreuer = Person("t-betr", "Bettina Test", "t-team-b", StaffRole.Betreuer);

    private static Measure M(string no, MeasureKind kind, string team, DateOnly start, DateOnly end, Capacity capacity) =>
        Measure.Create(no, "Maßnahme " + no[^4..], kind, "§ 45 SGB III", "t-tr-" + no[^1..], "Teststadt", start, end, capacity, null,
            Betreuer.Id, Koordinator.Id, team);

    private static readonly Measure A = M("962-E-T-0001", MeasureKind.Einkaufsmassnahme, "t-team-a", new(2026, 6, 1), new(2027, 5, 31),
        Capacity.Create(MeasureKind.Einkaufsmassnahme, 12));
    private static readonly Measure B = M("962-E-T-0002", MeasureKind.Einkaufsmassnahme, "t-team-b", new(2026, 10, 1), new(2027, 3, 31),
        Capacity.Create(MeasureKind.Einkaufsmassnahme, 10));
    private static readonly Measure C = M("962-D-T-0003", MeasureKind.DiaAm, "t-team-a", new(2026, 9, 1), new(2027, 8, 31),
        Capacity.Create(MeasureKind.DiaAm, 10, averageOccupancy: 8, contractedTm: 96));
    private static readonly Measure D = M("962-U-T-0004", MeasureKind.UbInbeq, "t-team-a", new(2026, 5, 1), new(2029, 4, 30),
        Capacity.Create(MeasureKind.UbInbeq, 13));
    private static readonly Measure E = M("962-U-T-0005", MeasureKind.UbInbeq, "t-team-b", new(2026, 3, 1), new(2029, 2, 28),
        Capacity.Create(MeasureKind.UbInbeq, 10));
    private static readonly Measure Agh = M("962-A-T-0006", MeasureKind.Agh, "t-team-a", new(2026, 1, 1), new(2026, 12, 31),
        Capacity.Create(MeasureKind.Agh, 20));
    private static readonly Measure Ended = M("962-E-T-0007", MeasureKind.Einkaufsmassnahme, "t-team-b", new(2026, 5, 1), new(2026, 10, 31),
        Capacity.Create(MeasureKind.Einkaufsmassnahme, 8));

    private static IEnumerable<Participation> Participations()
    {
        Participation P(Measure m, int i, DateOnly entry, DateOnly? exit = null) => new(m.Number, $"TN-{m.Number[^4..]}-{i:00}", entry, exit);
        for (var i = 0; i < 9; i++) yield return P(A, i, new DateOnly(2026, 6, 1).AddDays(7 * i));
        yield return P(A, 9, new(2026, 6, 1), new(2026, 11, 15));
        yield return P(B, 0, new(2026, 10, 1));
        yield return P(B, 1, new(2026, 10, 15));
        yield return P(B, 2, new(2026, 11, 2));
        yield return P(B, 3, new(2026, 12, 1));
        yield return P(C, 1, new(2026, 9, 1), new(2026, 11, 20));
        yield return P(C, 2, new(2026, 9, 15));
        yield return P(C, 3, new(2026, 10, 1));
        yield return P(C, 4, new(2026, 11, 1));
        yield return P(C, 5, new(2026, 11, 15));
        for (var i = 0; i < 7; i++) yield return P(D, i, new DateOnly(2026, 5, 4).AddDays(7 * i));
        for (var i = 0; i < 8; i++) yield return P(E, i, new DateOnly(2026, 3, 2).AddDays(7 * i));
        for (var i = 0; i < 5; i++) yield return P(Agh, i, new(2026, 2, 1));
        for (var i = 0; i < 8; i++) yield return P(Ended, i, new(2026, 5, 4), new(2026, 10, 31));
    }

    [Fact]
    public async Task Month_end_cards_and_reports_for_five_measures_match_the_hand_computation_and_are_made_once()
    {
        _ = app.CreateClient();
        await app.SeedAsync(
            [new Team("t-team-a", "Team A", "Teststadt"), new Team("t-team-b", "Team B", "Teststadt")],
            new[] { A, B, C, D, E, Agh, Ended }.Select(m => new Traeger(m.TraegerId, "Träger " + m.Number[^1..], "Teststadt")),
            [Gf, LeadA, LeadB, Koordinator, Betreuer],
            [A, B, C, D, E, Agh, Ended], Participations());
        app.Time.Set(ReportDayAfternoon);
        try
        {
            var data = await app.Service<MonthEndReport>().ComputeAsync(new ReportMonth(2026, 11), CancellationToken.None);
            Assert.Equal(new DateOnly(2026, 11, 30), data.ReportDay);
            Assert.Equal(["962-D-T-0003", "962-E-T-0001", "962-E-T-0002", "962-U-T-0004", "962-U-T-0005"], data.Lines.Select(l => l.Measure.Number));
            var f = data.Lines.ToDictionary(l => l.Measure.Number, l => l.Figures);
            Assert.Equal((12, 9, 0.75m), (f[A.Number].Places, f[A.Number].Occupied, f[A.Number].Rate));
            Assert.Equal((10, 3, 0.3m), (f[B.Number].Places, f[B.Number].Occupied, f[B.Number].Rate));
            Assert.Equal((10, 4, 24.00m, 8.73m, 96m, 0.3638m), (f[C.Number].Places, f[C.Number].Occupied, f[C.Number].TmPlanned!.Value,
                f[C.Number].TmConsumed!.Value, f[C.Number].TmContracted!.Value, f[C.Number].TmRate!.Value));
            Assert.Equal((13, 7, 10, 3), (f[D.Number].Places, f[D.Number].Occupied, f[D.Number].MinimumPlaces!.Value, f[D.Number].PaidButEmpty));
            Assert.Equal((10, 8, 7, 0), (f[E.Number].Places, f[E.Number].Occupied, f[E.Number].MinimumPlaces!.Value, f[E.Number].PaidButEmpty));

            // The cards as the job builds them: Team A, Team B, everything.
            var teamA = MonthEndCard.Build(data.CardFor("t-team-a", "Team A")).ToJson();
            Assert.Contains("Auslastung der Einkaufsmaßnahmen – November 2026", teamA);
            Assert.Contains("Team A · Stichtag 30.11.2026", teamA);
            Assert.Contains("20 von 35 Plätzen (57,1 %)", teamA);
            Assert.Contains("8,73 von 24,00 TM geplant (36,4 %)", teamA);
            Assert.Contains("3 Plätze bezahlt, aber leer", teamA);
            Assert.Contains("kein Versäumnis der Maßnahmebetreuung", teamA);
            Assert.DoesNotContain(B.Number, teamA);
            var teamB = MonthEndCard.Build(data.CardFor("t-team-b", "Team B")).ToJson();
            Assert.Contains("11 von 20 Plätzen (55,0 %)", teamB);
            Assert.Contains("\"3/10\"", teamB);
            Assert.Contains("\"30,0 %\"", teamB);
            Assert.DoesNotContain("bezahlt, aber leer", teamB);
            var all = MonthEndCard.Build(data.CardFor(null, null)).ToJson();
            Assert.Contains("Alle Teams", all);
            Assert.Contains("31 von 55 Plätzen (56,4 %)", all);
            Assert.DoesNotContain(Agh.Number, all);
            Assert.DoesNotContain(Ended.Number, all);

            // Träger reports overdue on the report day (hand computation above), capped at five lines per card.
            Assert.Contains("Ausstehende Träger-Meldungen: 16", teamA);
            Assert.Contains("962-D-T-0003 · Eintritts-/Nichteintrittsmeldung TN-0003-01 (fällig 01.09.2026)", teamA);
            Assert.Contains("962-U-T-0004 · Anwesenheitszeiten August 2026 (fällig 09.09.2026)", teamA);
            Assert.Contains("962-U-T-0004 · Bewirtschaftungsliste August 2026 (fällig 10.09.2026)", teamA);
            Assert.Contains("962-D-T-0003 · Eintritts-/Nichteintrittsmeldung TN-0003-02 (fällig 15.09.2026)", teamA);
            Assert.Contains("962-D-T-0003 · Eintritts-/Nichteintrittsmeldung TN-0003-03 (fällig 01.10.2026)", teamA);
            Assert.Contains("und 11 weitere", teamA);
            Assert.DoesNotContain("TN-0003-04", teamA);
            Assert.DoesNotContain("962-U-T-0005", teamA);
            Assert.Contains("Ausstehende Träger-Meldungen: 6", teamB);
            Assert.Contains("962-U-T-0005 · Anwesenheitszeiten August 2026 (fällig 09.09.2026)", teamB);
            Assert.Contains("962-U-T-0005 · Bewirtschaftungsliste September 2026 (fällig 12.10.2026)", teamB);
            Assert.Contains("962-U-T-0005 · Anwesenheitszeiten Oktober 2026 (fällig 09.11.2026)", teamB);
            Assert.DoesNotContain("Bewirtschaftungsliste Oktober 2026", teamB);
            Assert.Contains("und 1 weitere", teamB);
            Assert.Contains("Ausstehende Träger-Meldungen: 22", all);
            Assert.Contains("962-U-T-0005 · Bewirtschaftungsliste August 2026 (fällig 10.09.2026)", all);
            Assert.Contains("und 17 weitere", all);
            Assert.DoesNotContain("TN-0003-02", all);
            var pending = data.CardFor(null, null).Pending!;
            Assert.Equal(22, pending.Count);
            Assert.Equal(10, pending.Count(p => p.MeasureNumber == C.Number));
            Assert.Equal(6, pending.Count(p => p.MeasureNumber == D.Number));
            Assert.Equal(6, pending.Count(p => p.MeasureNumber == E.Number));
            Assert.Equal(new MonthEndPendingReport(C.Number, "Austritts- und Verbleibsmeldung TN-0003-01", new(2026, 11, 20)), pending[^1]);

            // The job: three cards (two Teamleitungen, the GF) and two documents per measure, once.
            var job = app.Service<MonthEndJob>();
            var run = await job.RunOnceAsync(CancellationToken.None);
            Assert.Equal(["2026-11"], run.Months);
            Assert.Equal(3, run.Cards);
            Assert.Equal(10, run.Documents);
            var month = new ReportMonth(2026, 11);
            var expectedKeys = new[]
            {
                MonthEndJob.TeamCardKey(month, "t-team-a", LeadA.Id), MonthEndJob.TeamCardKey(month, "t-team-b", LeadB.Id),
                MonthEndJob.AllCardKey(month, Gf.Id),
            }.Order().ToArray();
            Assert.Equal(expectedKeys, await MonthEndKeysAsync());

            var jobs = (await app.Service<FilingOutbox>().ListAsync()).Where(j => j.Kategorie == "Auslastung").ToList();
            Assert.Equal(10, jobs.Count);
            var xlsxJob = Assert.Single(jobs, j => j.Path.EndsWith("962-D-T-0003/Auslastung/2026-11-30_Auslastungsbericht 2026-11.xlsx", StringComparison.Ordinal));
            Assert.StartsWith("Träger 3/", xlsxJob.Path, StringComparison.Ordinal);
            var cells = ReadSheet(await app.FiledDocumentAsync(xlsxJob.ContentHash));
            Assert.Equal(TeamsAmdl.Filing.Documents.MonatsauslastungRenderer.Spalten, cells[0]);
            Assert.Equal(["962-D-T-0003", "Maßnahme 0003", "DIA-AM", "Träger 3", "Team A", "10", "4", "0.4", "96", "24", "8.73", "0.3638", "", ""], cells[1]);
            var ubJob = Assert.Single(jobs, j => j.Path.EndsWith("962-U-T-0004/Auslastung/2026-11-30_Auslastungsbericht 2026-11.xlsx", StringComparison.Ordinal));
            Assert.Equal(["13", "7", "0.5385"], ReadSheet(await app.FiledDocumentAsync(ubJob.ContentHash))[1][5..8]);
            Assert.Equal(["10", "3"], ReadSheet(await app.FiledDocumentAsync(ubJob.ContentHash))[1][12..14]);
            var docxJob = Assert.Single(jobs, j => j.Path.EndsWith("962-U-T-0004/Auslastung/2026-11-30_Auslastungsbericht 2026-11.docx", StringComparison.Ordinal));
            var text = DocxText(await app.FiledDocumentAsync(docxJob.ContentHash));
            Assert.True(text.Contains("7 von 13 Plätzen (53,8 %)", StringComparison.Ordinal), text);
            Assert.Contains("10; 3 Plätze bezahlt, aber leer", text);
            Assert.Contains("kein Versäumnis der Maßnahmebetreuung", text);
            // The measure's overdue Träger reports (hand computation above: 962-U-T-0004 has 6), all of them in its report.
            Assert.Contains("Ausstehende Träger-Meldungen am Stichtag: 6", text);
            Assert.Contains("Anwesenheitszeiten August 2026 (fällig 09.09.2026)\nBewirtschaftungsliste August 2026 (fällig 10.09.2026)", text);
            Assert.Contains("Bewirtschaftungsliste Oktober 2026 (fällig 10.11.2026)", text);
            Assert.DoesNotContain("Eintritts-/Nichteintrittsmeldung", text);

            // The timer fires again, later that day and the next days: nothing new.
            foreach (var later in new[] { ReportDayAfternoon.AddMinutes(1), ReportDayAfternoon.AddDays(1), ReportDayAfternoon.AddDays(3) })
            {
                app.Time.Set(later);
                var again = await job.RunOnceAsync(CancellationToken.None);
                Assert.Empty(again.Months);
            }
            Assert.Equal(expectedKeys, await MonthEndKeysAsync());
            Assert.Equal(10, (await app.Service<FilingOutbox>().ListAsync()).Count(j => j.Kategorie == "Auslastung"));

            // The API shows the same figures: a Teamleitung only their team.
            var api = await app.ClientAs(LeadB.Id).GetStringAsync("/api/quality/monitoring?month=2026-11");
            Assert.Contains("\"reported\":true", api);
            Assert.Contains(B.Number, api);
            Assert.Contains(E.Number, api);
            Assert.DoesNotContain(A.Number, api);
        }
        finally
        {
            app.Time.Set(AppFactory.Now);
        }
    }

    private async Task<string[]> MonthEndKeysAsync() =>
        (await app.Service<Proactive>().Outbox.ListAsync()).Select(e => e.MessageKey)
            .Where(k => k.StartsWith("quality:month-end:", StringComparison.Ordinal)).Order().ToArray();

    private static List<string[]> ReadSheet(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray()).ToList();
    }

    private static string DocxText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
