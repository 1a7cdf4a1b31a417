using TeamsAmdl.Storage;

namespace TeamsAmdl.Storage.Tests;

public class ConnectionStringTests
{
    [Fact]
    public void Development_storage()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), cs.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), cs.TableEndpoint);
    }

    [Fact]
    public void Account_with_suffix_and_explicit_endpoint()
    {
        var cs = StorageConnectionString.Parse(
            " DefaultEndpointsProtocol=https ; AccountName=amdl;AccountKey=a2V5PT0=;EndpointSuffix=core.cloudapi.de;" +
            "QueueEndpoint=http://10.0.0.1:10001/amdl/;");
        Assert.Equal("amdl", cs.AccountName);
        Assert.Equal(new Uri("https://amdl.blob.core.cloudapi.de"), cs.BlobEndpoint);
        Assert.Equal(new Uri("https://amdl.table.core.cloudapi.de"), cs.TableEndpoint);
        Assert.Equal(new Uri("http://10.0.0.1:10001/amdl"), cs.QueueEndpoint);

        var defaults = StorageConnectionString.Parse("AccountName=x;AccountKey=a2V5");
        Assert.Equal(new Uri("https://x.table.core.windows.net"), defaults.TableEndpoint);
    }

    [Theory]
    [InlineData("AccountKey=a2V5", "AccountName")]
    [InlineData("AccountName=x", "AccountKey")]
    [InlineData("AccountName=x;AccountKey=", "AccountKey")]
    [InlineData("AccountName=x;AccountKey=a2V5;DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=x;AccountKey=a2V5;TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("AccountName", "AccountName")]
    [InlineData("", "empty")]
    public void Invalid_strings_name_the_problem(string connectionString, string expectedInMessage)
    {
        var e = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));
        Assert.Contains(expectedInMessage, e.Message);
    }
}
