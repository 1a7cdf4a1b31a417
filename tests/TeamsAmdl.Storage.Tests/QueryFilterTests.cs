using Azure.Data.Tables;

namespace TeamsAmdl.Storage.Tests;

public class QueryFilterTests
{
    [Fact]
    public void Values_become_odata_literals()
    {
        var when = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)).AddTicks(6);
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        Assert.Equal(
            "PartitionKey eq 'O''Brien' and T ge datetime'2025-01-02T02:04:05.0000006Z' and G eq guid'6f9619ff-8b86-d011-b42d-00cf4fc964ff'",
            TableClient.CreateQueryFilter($"PartitionKey eq {"O'Brien"} and T ge {when} and G eq {id}"));
        Assert.Equal("L eq 5000000000L and I eq -3 and D eq 1.5 and B eq true and X eq X'01FF' and N eq null",
            TableClient.CreateQueryFilter($"L eq {5_000_000_000L} and I eq {-3} and D eq {1.5} and B eq {true} and X eq {new byte[] { 1, 255 }} and N eq {null}"));
        Assert.Equal("S eq ''''''", TableClient.CreateQueryFilter($"S eq {"''"}"));
    }
}
