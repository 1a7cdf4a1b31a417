using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;

namespace TeamsAmdl.Domain.Tests.Quality;

/// <summary>R-QA-3: every transition of the Mängel state machine, legal and illegal, with deadlines on weekends and holidays.</summary>
public sealed class MangelRulesTests
{
    private static readonly DateOnly Today = new(2027, 3, 10); // Wednesday
    private static readonly DateOnly Deadline = new(2027, 3, 24);
    private static readonly HashSet<StaffRole> Sqs = [StaffRole.FachkraftSqs];
    private static readonly HashSet<StaffRole> Koordinator = [StaffRole.Koordinator];
    private static readonly HashSet<StaffRole> Betreuer = [StaffRole.Betreuer];
    private static readonly HashSet<StaffRole> Teamleitung = [StaffRole.Teamleitung];

    /// <summary>Every (state, action) pair: the expected result for a caller with the right role ("→ To" or "409").</summary>
    public static TheoryData<MangelStatus, MangelAction, bool, string> Matrix()
    {
        var legal = new Dictionary<(MangelStatus, MangelAction, bool), string>
        {
            [(MangelStatus.Erfasst, MangelAction.Stufe1, false)] = "Stufe1",
            [(MangelStatus.Erfasst, MangelAction.Stufe2, true)] = "Stufe2",
            [(MangelStatus.Stufe1, MangelAction.FristVersaeumt, false)] = "SqsEinbezogen",
            [(MangelStatus.Stufe1, MangelAction.Behoben, false)] = "Behoben",
            [(MangelStatus.SqsEinbezogen, MangelAction.Stufe2, false)] = "Stufe2",
            [(MangelStatus.SqsEinbezogen, MangelAction.Behoben, false)] = "Behoben",
            [(MangelStatus.Stufe2, MangelAction.LeitungInformieren, false)] = "LeitungInformiert",
            [(MangelStatus.LeitungInformiert, MangelAction.Behoben, false)] = "Behoben",
        };
        var data = new TheoryData<MangelStatus, MangelAction, bool, string>();
        foreach (var from in Enum.GetValues<MangelStatus>())
        foreach (var action in Enum.GetValues<MangelAction>())
        foreach (var serious in new[] { false, true })
        {
            // A serious Mangel has the same transitions after Erfasst (it is only faster at the start).
            var key = from == MangelStatus.Erfasst ? (from, action, serious) : (from, action, false);
            data.Add(from, action, serious, legal.GetValueOrDefault(key, "409"));
        }
        return data;
    }

    [Theory, MemberData(nameof(Matrix))]
    public void Every_transition_legal_and_illegal(MangelStatus from, MangelAction action, bool serious, string expected)
    {
        var roles = action is MangelAction.Stufe1 or MangelAction.Stufe2 or MangelAction.LeitungInformieren ? Sqs : Koordinator;
        var deadline = from == MangelStatus.Erfasst ? (DateOnly?)null : Deadline;
        var today = action == MangelAction.FristVersaeumt ? Deadline.AddDays(1) : Today;
        var step = MangelRules.Apply(from, action, serious, deadline, today, roles, requestedDeadline: Deadline);
        if (expected == "409")
        {
            var refused = Assert.IsType<MangelStep.Refused>(step);
            Assert.Equal(409, refused.Status);
            Assert.Equal("mangel_transition", refused.Code);
            Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        }
        else
        {
            Assert.Equal(expected, Assert.IsType<MangelStep.Moved>(step).To.ToString());
        }
    }

    [Fact]
    public void Refusals_name_the_reason_in_German()
    {
        var serious = Assert.IsType<MangelStep.Refused>(MangelRules.Apply(MangelStatus.Erfasst, MangelAction.Stufe1, true, null, Today, Sqs, Deadline));
        Assert.Equal("Ein schwerwiegender Mangel geht sofort in die Deeskalationsstufe 2: das REZ ist unverzüglich zu unterrichten.", serious.Message);
        var early = Assert.IsType<MangelStep.Refused>(MangelRules.Apply(MangelStatus.Erfasst, MangelAction.Stufe2, false, null, Today, Sqs));
        Assert.StartsWith("Das REZ wird erst unterrichtet", early.Message);
        var closed = Assert.IsType<MangelStep.Refused>(MangelRules.Apply(MangelStatus.Behoben, MangelAction.Stufe2, false, null, Today, Sqs));
        Assert.Equal("„REZ unterrichten (Stufe 2)“ ist im Status „Behoben (abgeschlossen)“ nicht möglich.", closed.Message);
    }

    [Theory]
    [InlineData("2027-03-24", "2027-03-24")] // Wednesday stays
    [InlineData("2027-04-10", "2027-04-12")] // Saturday → Monday
    [InlineData("2027-03-26", "2027-03-30")] // Karfreitag → Saturday, Easter Sunday, Ostermontag → Tuesday
    [InlineData("2027-03-27", "2027-03-30")] // Saturday before Easter → Tuesday
    [InlineData("2027-05-27", "2027-05-28")] // Fronleichnam (Thursday) → Friday
    [InlineData("2027-05-01", "2027-05-03")] // Tag der Arbeit (Saturday) → Monday
    [InlineData("2027-01-06", "2027-01-07")] // Heilige Drei Könige (Wednesday) → Thursday
    [InlineData("2027-12-24", "2027-12-24")] // Heiligabend is a working day by law (Friday)
    [InlineData("2027-12-25", "2027-12-27")] // Christmas Saturday → 26. Sunday → Monday 27.
    public void Stufe1_deadline_moves_off_weekends_and_BW_holidays(string requested, string expected)
    {
        var req = DateOnly.Parse(requested, System.Globalization.CultureInfo.InvariantCulture);
        var today = new DateOnly(2027, 1, 4);
        var moved = Assert.IsType<MangelStep.Moved>(MangelRules.Apply(MangelStatus.Erfasst, MangelAction.Stufe1, false, null, today, Sqs, req));
        Assert.Equal(expected, moved.Deadline!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Deadline_missed_only_after_the_moved_deadline_day()
    {
        // Deadline asked for Saturday 10.04.2027 → Monday 12.04.; Monday itself is still in time, Tuesday it is missed.
        var stufe1 = Assert.IsType<MangelStep.Moved>(MangelRules.Apply(MangelStatus.Erfasst, MangelAction.Stufe1, false, null, Today, Sqs, new DateOnly(2027, 4, 10)));
        Assert.Equal(new DateOnly(2027, 4, 12), stufe1.Deadline);
        var onTheDay = Assert.IsType<MangelStep.Refused>(MangelRules.Apply(MangelStatus.Stufe1, MangelAction.FristVersaeumt, false, stufe1.Deadline, new DateOnly(2027, 4, 12), null));
        Assert.Equal(409, onTheDay.Status);
        Assert.Equal("Die Frist läuft noch bis einschließlich 12.04.2027; versäumt ist sie erst danach.", onTheDay.Message);
        var missed = Assert.IsType<MangelStep.Moved>(MangelRules.Apply(MangelStatus.Stufe1, MangelAction.FristVersaeumt, false, stufe1.Deadline, new DateOnly(2027, 4, 13), null));
        Assert.Equal(MangelStatus.SqsEinbezogen, missed.To);
    }

    [Fact]
    public void Stufe1_needs_a_deadline_after_today()
    {
        var none = Assert.IsType<MangelStep.Refused>(MangelRules.Apply(MangelStatus.Erfasst, MangelAction.Stufe1, false, null, Today, Sqs));
        Assert.Equal((400, "deadline_missing"), (none.Status, none.Code));
        var past = Assert.IsType<MangelStep.Refused>(MangelRules.Apply(MangelStatus.Erfasst, MangelAction.Stufe1, false, null, Today, Sqs, Today));
        Assert.Equal((400, "deadline_past"), (past.Status, past.Code));
        // Saturday 13.03. → Monday 15.03.: after today, accepted.
        Assert.IsType<MangelStep.Moved>(MangelRules.Apply(MangelStatus.Erfasst, MangelAction.Stufe1, false, null, Today, Sqs, new DateOnly(2027, 3, 13)));
    }

    [Theory]
    [InlineData(MangelStatus.Erfasst, MangelAction.Stufe1, "koordinator")]
    [InlineData(MangelStatus.Erfasst, MangelAction.Stufe1, "betreuer")]
    [InlineData(MangelStatus.SqsEinbezogen, MangelAction.Stufe2, "koordinator")]
    [InlineData(MangelStatus.Stufe2, MangelAction.LeitungInformieren, "betreuer")]
    [InlineData(MangelStatus.Stufe1, MangelAction.Behoben, "teamleitung")]
    [InlineData(MangelStatus.Stufe1, MangelAction.FristVersaeumt, "teamleitung")]
    [InlineData(MangelStatus.Stufe1, MangelAction.Behoben, "system")]
    [InlineData(MangelStatus.SqsEinbezogen, MangelAction.Stufe2, "system")]
    public void Wrong_role_is_refused_with_403(MangelStatus from, MangelAction action, string who)
    {
        IReadOnlySet<StaffRole>? roles = who switch { "koordinator" => Koordinator, "betreuer" => Betreuer, "teamleitung" => Teamleitung, _ => null };
        var refused = Assert.IsType<MangelStep.Refused>(MangelRules.Apply(from, action, false, Deadline, Deadline.AddDays(1), roles, Deadline.AddDays(7)));
        Assert.Equal((403, "mangel_role"), (refused.Status, refused.Code));
    }

    [Fact]
    public void Betreuer_and_Koordinator_track_the_deadline_and_close_and_the_timer_records_a_missed_deadline()
    {
        var after = Deadline.AddDays(1);
        Assert.IsType<MangelStep.Moved>(MangelRules.Apply(MangelStatus.Stufe1, MangelAction.FristVersaeumt, false, Deadline, after, Betreuer));
        Assert.IsType<MangelStep.Moved>(MangelRules.Apply(MangelStatus.Stufe1, MangelAction.FristVersaeumt, false, Deadline, after, null));
        Assert.IsType<MangelStep.Moved>(MangelRules.Apply(MangelStatus.SqsEinbezogen, MangelAction.Behoben, false, Deadline, after, Betreuer));
        Assert.IsType<MangelStep.Moved>(MangelRules.Apply(MangelStatus.LeitungInformiert, MangelAction.Behoben, false, Deadline, after, Sqs));
    }

    [Theory]
    [InlineData("2027-03-10", "2027-03-11")] // Wednesday → Thursday
    [InlineData("2027-03-12", "2027-03-15")] // Friday → Monday
    [InlineData("2027-03-25", "2027-03-30")] // Thursday before Karfreitag → Tuesday after Ostermontag
    [InlineData("2026-12-23", "2026-12-24")] // 24 December is a working day
    [InlineData("2026-12-31", "2027-01-04")] // Neujahr Friday, then the weekend
    [InlineData("2027-01-05", "2027-01-07")] // Heilige Drei Könige (Baden-Württemberg) on Wednesday
    public void The_timer_escalates_on_the_first_working_day_after_the_deadline(string deadline, string escalates) =>
        Assert.Equal(DateOnly.Parse(escalates), MangelRules.EscalatesOn(DateOnly.Parse(deadline)));
}
