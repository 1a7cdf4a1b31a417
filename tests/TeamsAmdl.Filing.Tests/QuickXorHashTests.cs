namespace TeamsAmdl.Filing.Tests;

/// <summary>Published QuickXorHash test vectors (input and digest in Base64).</summary>
public sealed class QuickXorHashTests
{
    [Theory]
    [InlineData("", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("Sg==", "SgAAAAAAAAAAAAAAAQAAAAAAAAA=")]
    [InlineData("0pZP", "0rDEEwAAAAAAAAAAAwAAAAAAAAA=")]
    [InlineData("2fuxhBJXtpWFe8dOfdGeHw==", "O9tHLAghgSvYohKFyMMxnNCHaHg=")]
    [InlineData("T6LYJIfDh81JrAK309H2JMJTXis=", "zBTHrspn3mEcohlJdIUAbjGNaNg=")]
    [InlineData("NbYXsp5/K6mR+NmHwExjvWeWDJFnXTKWVlzYHoesp2E=", "wjuAuWDiq04qDt1R8hHWDDcwVoQ=")]
    public void Matches_the_published_vectors(string input, string expected)
    {
        var bytes = Convert.FromBase64String(input);
        Assert.Equal(expected, QuickXorHash.Compute(bytes));

        // Fed in pieces it gives the same.
        var h = new QuickXorHash();
        for (var i = 0; i < bytes.Length; i += 3) h.Append(bytes.AsSpan(i, Math.Min(3, bytes.Length - i)));
        Assert.Equal(expected, h.GetBase64());
    }
}
