namespace TeamsAmdl.Domain.Tests.FreePlaces;

public class PlaceRequestRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void Only_a_pending_request_can_be_decided()
    {
        Assert.Null(PlaceRequestRules.CannotDecide(PlaceRequestStatus.Pending));
        foreach (var s in Enum.GetValues<PlaceRequestStatus>().Where(s => s != PlaceRequestStatus.Pending))
            Assert.False(string.IsNullOrEmpty(PlaceRequestRules.CannotDecide(s)));
    }

    [Fact]
    public void Open_requests_can_be_withdrawn_and_only_refused_ones_join_the_waiting_list()
    {
        Assert.Null(PlaceRequestRules.CannotWithdraw(PlaceRequestStatus.Pending));
        Assert.Null(PlaceRequestRules.CannotWithdraw(PlaceRequestStatus.Confirmed));
        Assert.Null(PlaceRequestRules.CannotWithdraw(PlaceRequestStatus.Waitlisted));
        Assert.NotNull(PlaceRequestRules.CannotWithdraw(PlaceRequestStatus.Refused));
        Assert.Null(PlaceRequestRules.CannotJoinWaitlist(PlaceRequestStatus.Refused));
        Assert.NotNull(PlaceRequestRules.CannotJoinWaitlist(PlaceRequestStatus.Waitlisted));
        Assert.NotNull(PlaceRequestRules.CannotJoinWaitlist(PlaceRequestStatus.Pending));
        Assert.True(PlaceRequestRules.HoldsPlace(PlaceRequestStatus.Pending));
        Assert.False(PlaceRequestRules.HoldsPlace(PlaceRequestStatus.Waitlisted));
    }

    [Theory]
    [InlineData("geb. 12.03.1987")]
    [InlineData("Geburtsdatum 1.3.87")]
    [InlineData("Mail an kunde@example.org")]
    [InlineData("Tel. 0171 1234567")]
    [InlineData("+49 30 1234567")]
    public void Notes_with_personal_data_are_refused(string note)
    {
        var e = Assert.Throws<DomainValidationException>(() => PlaceRequestNote.Normalize(note, Today));
        Assert.Contains("personenbezogenen Daten", e.Message);
    }

    [Fact]
    public void Harmless_notes_pass_trimmed_and_empty_notes_become_null()
    {
        Assert.Equal("Eintritt frühestens nächste Woche, Teilzeit 30 Std.", PlaceRequestNote.Normalize("  Eintritt frühestens nächste Woche, Teilzeit 30 Std. ", Today));
        Assert.Null(PlaceRequestNote.Normalize("   ", Today));
        Assert.Throws<DomainValidationException>(() => PlaceRequestNote.Normalize(new string('x', PlaceRequestNote.MaxLength + 1), Today));
    }

    [Fact]
    public void A_decline_reason_is_named_as_such_not_as_note()
    {
        // Issue 12 wording: a too-long decline reason was called "Notiz".
        var tooLong = Assert.Throws<DomainValidationException>(() =>
            PlaceRequestNote.NormalizeDeclineReason(new string('x', PlaceRequestNote.MaxLength + 1), Today));
        Assert.Contains("Begründung der Ablehnung", tooLong.Message);
        Assert.DoesNotContain("Notiz", tooLong.Message);
        var personal = Assert.Throws<DomainValidationException>(() => PlaceRequestNote.NormalizeDeclineReason("Kunde wohnt Am Markt 3", Today));
        Assert.Equal("Reason", personal.Field);
        Assert.Contains("Anschrift", personal.Message);
        Assert.Equal("Kein Platz mehr vor Januar", PlaceRequestNote.NormalizeDeclineReason(" Kein Platz mehr vor Januar ", Today));
    }

    [Fact]
    public void The_waiting_list_is_served_in_request_order_not_joining_order()
    {
        // Request ids start with the arrival ticks; the list was joined in the opposite order.
        var joined = new[] { "0003-c", "0001-a", "0004-d", "0002-b" };
        Assert.Equal(["0001-a", "0002-b"], WaitingList.ToOffer(joined, x => x, 2));
        Assert.Empty(WaitingList.ToOffer(joined, x => x, 0));
        Assert.Equal(3, WaitingList.Position(joined, "0003-c"));
        Assert.Null(WaitingList.Position(joined, "9999"));
    }
}
