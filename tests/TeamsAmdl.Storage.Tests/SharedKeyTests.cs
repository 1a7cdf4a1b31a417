using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Core.Pipeline;
using TeamsAmdl.Storage;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

/// <summary>
/// The Authorization header of fixed requests, checked against a string-to-sign written out here from the documented
/// format (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key). Only the per-request values
/// (date, client request id) are taken from the captured request.
/// </summary>
public class SharedKeyTests
{
    private const string ConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + TestStorage.WellKnownKey + ";" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1";

    private static (StorageClientOptions Options, RecordingHandler Handler) Recording(params HttpStatusCode[] statuses)
    {
        var handler = new RecordingHandler(statuses);
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return (options, handler);
    }

    private static string Header(HttpRequestMessage request, string name) => request.Headers.GetValues(name).Single();

    private static string ExpectedAuthorization(string stringToSign) =>
        "SharedKey devstoreaccount1:" +
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(TestStorage.WellKnownKey), Encoding.UTF8.GetBytes(stringToSign)));

    // The x-ms-* headers Azure.Core and the client add to every request, sorted; afterDate slots in alphabetically.
    private static string XmsHeaders(HttpRequestMessage r, string afterDate = "") =>
        $"x-ms-client-request-id:{Header(r, "x-ms-client-request-id")}\n" +
        $"x-ms-date:{Header(r, "x-ms-date")}\n" +
        afterDate +
        (r.Headers.Contains("x-ms-return-client-request-id") ? $"x-ms-return-client-request-id:{Header(r, "x-ms-return-client-request-id")}\n" : "") +
        "x-ms-version:2021-12-02\n";

    [Fact]
    public async Task Queue_delete_message_is_signed_with_query_parameters()
    {
        var (options, handler) = Recording(HttpStatusCode.NoContent);
        await new QueueClient(ConnectionString, "myqueue", options).DeleteMessageAsync("msg-1", "AgAAAA+/=x y");

        var r = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1/myqueue/messages/msg-1?popreceipt=AgAAAA%2B%2F%3Dx%20y", r.RequestUri!.AbsoluteUri);
        var stringToSign =
            "DELETE\n" + // verb
            "\n\n\n\n\n" + // Content-Encoding, -Language, -Length (empty for 0), -MD5, -Type
            "\n" + // Date (x-ms-date is signed below)
            "\n\n\n\n\n" + // If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range
            XmsHeaders(r) +
            "/devstoreaccount1/devstoreaccount1/myqueue/messages/msg-1\n" + // path-style: the account twice
            "popreceipt:AgAAAA+/=x y";
        Assert.Equal(ExpectedAuthorization(stringToSign), r.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Blob_put_signs_length_conditions_and_sorted_headers()
    {
        var (options, handler) = Recording(HttpStatusCode.Created);
        var blob = new BlobClient(ConnectionString, "container", "dir/file name.txt", options);
        await blob.UploadAsync(BinaryData.FromString("hello"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" },
            Metadata = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
            Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
        });

        var r = Assert.Single(handler.Requests);
        Assert.Equal("/devstoreaccount1/container/dir/file%20name.txt", r.RequestUri!.AbsolutePath);
        var stringToSign =
            "PUT\n" +
            "\n\n" + // Content-Encoding, Content-Language
            "5\n" + // Content-Length
            "\n\n" + // Content-MD5, Content-Type
            "\n" + // Date
            "\n\n*\n\n\n" + // If-Modified-Since, If-Match, If-None-Match: *, If-Unmodified-Since, Range
            "x-ms-blob-content-type:text/plain\n" +
            "x-ms-blob-type:BlockBlob\n" +
            XmsHeaders(r, afterDate: "x-ms-meta-a:1\nx-ms-meta-b:2\n") +
            "/devstoreaccount1/devstoreaccount1/container/dir/file%20name.txt";
        Assert.Equal(ExpectedAuthorization(stringToSign), r.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Blob_list_signs_every_query_parameter_sorted_and_decoded()
    {
        var (options, handler) = Recording(HttpStatusCode.OK);
        var container = new BlobContainerClient(ConnectionString, "container", options);
        // The canned empty body is not a listing; only the request matters here.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in container.GetBlobsAsync(BlobTraits.Metadata, prefix: "a b/")) { }
        });

        var r = Assert.Single(handler.Requests);
        var stringToSign =
            "GET\n" + "\n\n\n\n\n" + "\n" + "\n\n\n\n\n" +
            XmsHeaders(r) +
            "/devstoreaccount1/devstoreaccount1/container\n" +
            "comp:list\n" +
            "include:metadata\n" +
            "prefix:a b/\n" +
            "restype:container";
        Assert.Equal(ExpectedAuthorization(stringToSign), r.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Table_insert_uses_the_table_string_to_sign()
    {
        var (options, handler) = Recording(HttpStatusCode.NoContent);
        await new TableClient(ConnectionString, "mytable", options).AddEntityAsync(new TableEntity("p", "r"));

        var r = Assert.Single(handler.Requests);
        var stringToSign =
            "POST\n" +
            "\n" + // Content-MD5
            "application/json\n" + // Content-Type
            Header(r, "x-ms-date") + "\n" +
            "/devstoreaccount1/devstoreaccount1/mytable";
        Assert.Equal("application/json", r.Content!.Headers.ContentType!.ToString());
        Assert.Equal(ExpectedAuthorization(stringToSign), r.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Table_entity_keys_are_escaped_and_signed_as_sent()
    {
        var (options, handler) = Recording(HttpStatusCode.NoContent);
        await new TableClient(ConnectionString, "mytable", options).DeleteEntityAsync("a'b", "c d");

        var r = Assert.Single(handler.Requests);
        Assert.Equal("/devstoreaccount1/mytable(PartitionKey='a%27%27b',RowKey='c%20d')", r.RequestUri!.AbsolutePath);
        Assert.Equal("*", Header(r, "If-Match"));
        var stringToSign = "DELETE\n\n\n" + Header(r, "x-ms-date") + "\n" +
                           "/devstoreaccount1/devstoreaccount1/mytable(PartitionKey='a%27%27b',RowKey='c%20d')";
        Assert.Equal(ExpectedAuthorization(stringToSign), r.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Retries_come_from_the_azure_core_pipeline_and_each_attempt_is_signed()
    {
        var (options, handler) = Recording(HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.NoContent);
        var response = await new QueueClient(ConnectionString, "q", options).DeleteMessageAsync("m", "p");

        Assert.Equal(204, response.Status);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKey devstoreaccount1:", r.Headers.Authorization!.ToString()));
    }

    [Fact]
    public async Task Non_retriable_errors_are_request_failed_exceptions_with_status()
    {
        var (options, handler) = Recording(HttpStatusCode.Forbidden);
        var e = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => new QueueClient(ConnectionString, "q", options).DeleteMessageAsync("m", "p"));
        Assert.Equal(403, e.Status);
        Assert.Single(handler.Requests);
    }
}
