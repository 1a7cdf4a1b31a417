using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Domain.Tests.Deadlines;

/// <summary>Who is told when (R-TN-2, R-TN-4), and the calendar of one measure.</summary>
public class DeadlineScheduleTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DeadlineItem Item(DeadlineKind kind, string due) => new("k", kind, "962-D-1", "TN-1", "ifk-1", D(due), D(due));

    [Theory]
    // kind, due, today, sent stages, expected "Stage>To" list
    [InlineData(DeadlineKind.Feedbackbogen, "2026-11-27", "2026-11-26", "", "")]                                     // before: nothing
    [InlineData(DeadlineKind.Feedbackbogen, "2026-11-27", "2026-11-27", "", "DueToday>Ifk,DueToday>Betreuer")]      // due day
    [InlineData(DeadlineKind.Feedbackbogen, "2026-11-27", "2026-11-27", "DueToday", "")]                            // sent already
    [InlineData(DeadlineKind.Feedbackbogen, "2026-11-27", "2026-11-30", "", "DueToday>Ifk,DueToday>Betreuer")]      // timer missed it: caught up
    [InlineData(DeadlineKind.Feedbackbogen, "2026-11-27", "2026-12-05", "", "")]                                    // more than 7 days late: view only
    [InlineData(DeadlineKind.Erwartungsbogen, "2026-12-01", "2026-12-01", "", "DueToday>Ifk")]                      // the IFK records it
    [InlineData(DeadlineKind.Bewirtschaftungsliste, "2026-12-10", "2026-12-10", "", "")]                            // due day: still in time
    [InlineData(DeadlineKind.Bewirtschaftungsliste, "2026-12-10", "2026-12-11", "", "Overdue>Betreuer")]            // Friday after
    [InlineData(DeadlineKind.Bewirtschaftungsliste, "2026-12-10", "2026-12-16", "Overdue", "")]                     // 4th working day after
    [InlineData(DeadlineKind.Bewirtschaftungsliste, "2026-12-10", "2026-12-17", "Overdue", "Escalated>Koordinator")] // 5th working day
    [InlineData(DeadlineKind.Anwesenheit, "2027-01-09", "2027-01-10", "", "")]                                      // Saturday due: Sunday is no working day
    [InlineData(DeadlineKind.Anwesenheit, "2027-01-09", "2027-01-11", "", "Overdue>Betreuer")]                      // Monday
    [InlineData(DeadlineKind.Anwesenheit, "2027-01-09", "2027-01-15", "Overdue", "Escalated>Koordinator")]          // 5th working day after
    [InlineData(DeadlineKind.Abschlussbericht, "2026-12-18", "2026-12-28", "Overdue", "Escalated>Koordinator")]     // 21,22,23,24,28: 24 Dec counts
    public void Notices_by_stage(DeadlineKind kind, string due, string today, string sent, string expected)
    {
        var stages = sent.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<NoticeStage>).ToHashSet();
        var notices = DeadlineSchedule.Due(Item(kind, due), D(today), received: false, stages);
        Assert.Equal(expected, string.Join(",", notices.Select(n => $"{n.Stage}>{n.To}")));
    }

    [Fact]
    public void An_item_received_is_never_announced()
    {
        for (var day = D("2026-12-01"); day <= D("2026-12-31"); day = day.AddDays(1))
        {
            Assert.Empty(DeadlineSchedule.Due(Item(DeadlineKind.Feedbackbogen, "2026-12-10"), day, received: true, new HashSet<NoticeStage>()));
            Assert.Empty(DeadlineSchedule.Due(Item(DeadlineKind.Anwesenheit, "2026-12-09"), day, received: true, new HashSet<NoticeStage>()));
        }
    }

    [Fact]
    public void Calendar_of_a_UB_measure_lists_participant_documents_reports_and_monthly_items_in_the_window()
    {
        var m = TestData.Measure(MeasureKind.UbInbeq, D("2025-10-01"), D("2027-09-30"), Capacity.Create(MeasureKind.UbInbeq, 10)) with { Number = "962-U-1" };
        var participations = new[]
        {
            new Participation(m.Number, "TN-1", D("2025-11-24"), IfkId: "ifk-1",                                    // LuV after 12 months: 24.11.2026
                Phases: [new UbPhaseChange(UbPhase.Qualifizierung, D("2026-01-19"))]),                               // (in the Qualifizierungsphase then)
            new Participation(m.Number, "TN-2", D("2025-12-01"), D("2026-11-20"), ExitReason.Abbruch, "ifk-2"),    // Feedbackbogen 27.11., exit report 20.11.
            new Participation(m.Number, "TN-3", D("2026-11-30"), IfkId: null),                                     // no IFK: no Erwartungsbogen
        };
        var items = DeadlineCalendar.For(m, participations, D("2026-11-15"), D("2026-12-15"));
        Assert.Equal(
        [
            "Austrittsmeldung:TN-2:2026-11-20 2026-11-20",
            "LuVEinstiegsphase:TN-2:2026-11-20 2026-11-20",   // the Abbruch ends TN-2's Einstiegsphase (no change recorded)
            "LuV12Monate:TN-1:2026-11-23 2026-11-24",
            "Feedbackbogen:TN-2:2026-11-20 2026-11-27",
            "Eintrittsmeldung:TN-3:2026-11-30 2026-11-30",
            "Anwesenheit:2026-11 2026-12-09",
            "Bewirtschaftungsliste:2026-11 2026-12-10",
        ], items.Select(i => $"{i.Key} {i.Due:yyyy-MM-dd}"));
    }
}
