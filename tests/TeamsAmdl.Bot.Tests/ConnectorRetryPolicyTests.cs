namespace TeamsAmdl.Bot.Tests;

public sealed class ConnectorRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2", 2)]
    [InlineData(" 120 ", 120)]
    [InlineData("0", 0)]
    public void Delta_seconds_are_read_exactly(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ConnectorRetryPolicy.ParseRetryAfter(value, Now));

    [Fact]
    public void Http_date_is_read_relative_to_now() =>
        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorRetryPolicy.ParseRetryAfter("Mon, 02 Mar 2026 09:30:07 GMT", Now));

    [Fact]
    public void Past_http_date_means_no_wait() =>
        Assert.Equal(TimeSpan.Zero, ConnectorRetryPolicy.ParseRetryAfter("Mon, 02 Mar 2026 09:00:00 GMT", Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("1.5")]
    public void Unreadable_values_are_ignored(string? value) =>
        Assert.Null(ConnectorRetryPolicy.ParseRetryAfter(value, Now));

    [Theory]
    [InlineData(429, true)]
    [InlineData(412, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    public void Retriable_statuses_follow_the_Teams_guidance(int status, bool retriable) =>
        Assert.Equal(retriable, ConnectorRetryPolicy.IsRetriableStatus(status));
}
