using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Storage.Tests;

/// <summary>The Uri + TokenCredential constructors (managed identity in production) and URI parsing, over a recorded transport.</summary>
public class ClientConstructionTests
{
    private sealed class FakeCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("fake-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    private static (StorageClientOptions, RecordingHandler) Recording(HttpStatusCode status)
    {
        var handler = new RecordingHandler(status);
        return (new StorageClientOptions { Transport = new HttpClientTransport(handler) }, handler);
    }

    [Fact]
    public async Task Token_credential_sends_a_bearer_token_for_the_storage_scope()
    {
        var credential = new FakeCredential();
        var (options, handler) = Recording(HttpStatusCode.NoContent);

        await new QueueClient(new Uri("https://amdl.queue.core.windows.net/jobs"), credential, options).DeleteMessageAsync("m1", "p1");
        await new TableServiceClient(new Uri("https://amdl.table.core.windows.net"), credential, options)
            .GetTableClient("events").DeleteEntityAsync("a", "b");

        Assert.Equal(
            ["https://amdl.queue.core.windows.net/jobs/messages/m1?popreceipt=p1",
             "https://amdl.table.core.windows.net/events(PartitionKey='a',RowKey='b')"],
            handler.Requests.Select(r => r.RequestUri!.AbsoluteUri));
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal("Bearer fake-token", r.Headers.Authorization!.ToString());
            Assert.Equal("2021-12-02", r.Headers.GetValues("x-ms-version").Single());
            Assert.True(r.Headers.Contains("x-ms-date"));
        });
        Assert.All(credential.Scopes, s => Assert.Equal("https://storage.azure.com/.default", s));
    }

    [Fact]
    public void Blob_uris_split_into_container_and_blob_name()
    {
        var credential = new FakeCredential();
        var hosted = new BlobClient(new Uri("https://amdl.blob.core.windows.net/reports/2025/05/a%20b.pdf"), credential);
        Assert.Equal(("reports", "2025/05/a b.pdf"), (hosted.BlobContainerName, hosted.Name));

        var pathStyle = new BlobClient(new Uri("http://127.0.0.1:10000/devstoreaccount1/reports/x.pdf"),
            new StorageSharedKeyCredential("devstoreaccount1", TestStorage.WellKnownKey));
        Assert.Equal(("reports", "x.pdf"), (pathStyle.BlobContainerName, pathStyle.Name));

        var container = new BlobContainerClient(new Uri("http://127.0.0.1:10000/devstoreaccount1/reports"), credential);
        Assert.Equal("reports", container.Name);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/reports/a%20b/c.txt", container.GetBlobClient("a b/c.txt").Uri.AbsoluteUri);

        Assert.Equal("jobs", new QueueClient(new Uri("https://amdl.queue.core.windows.net/jobs"), credential).Name);
    }
}
