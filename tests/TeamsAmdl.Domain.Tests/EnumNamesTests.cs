namespace TeamsAmdl.Domain.Tests;

public class EnumNamesTests
{
    [Theory]
    [InlineData("DiaAm", true)]            // the name
    [InlineData(" diaam ", true)]          // any case, trimmed
    [InlineData("1", false)]               // a defined number (Enum.TryParse takes it)
    [InlineData("99", false)]              // an undefined number (Enum.TryParse takes it too)
    [InlineData("-1", false)]              // negative
    [InlineData("Agh, DiaAm", false)]      // a list (Enum.TryParse ORs it)
    [InlineData("Zauberei", false)]        // unknown name
    [InlineData("", false)]                // empty
    [InlineData(null, false)]              // missing
    public void Only_names_are_accepted(string? text, bool accepted)
    {
        Assert.Equal(accepted, EnumNames.TryParse<MeasureKind>(text, out var kind));
        if (accepted) Assert.Equal(MeasureKind.DiaAm, kind);
    }

    [Fact]
    public void Exit_reasons_read_in_German()
    {
        Assert.Equal("reguläres Ende", ExitReason.RegulaeresEnde.German());
        Assert.Equal("Abbruch", ExitReason.Abbruch.German());
    }
}
