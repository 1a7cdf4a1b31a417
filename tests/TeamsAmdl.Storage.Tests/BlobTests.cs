using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using TeamsAmdl.Storage;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

public class BlobTests
{
    private static async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient(Azurite.UniqueName("c"));
        Assert.NotNull(await container.CreateIfNotExistsAsync());
        return container;
    }

    [Fact]
    public async Task Five_megabyte_blob_round_trips_byte_exact()
    {
        var container = await NewContainerAsync();
        var bytes = new byte[5 * 1024 * 1024];
        Random.Shared.NextBytes(bytes);
        var blob = container.GetBlobClient("dir/ä b+c%.bin");

        var uploaded = await blob.UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-test" },
            Metadata = new Dictionary<string, string> { ["origin"] = "contract-test" },
        });
        Assert.Equal(201, uploaded.GetRawResponse().Status);

        var download = (await blob.DownloadContentAsync()).Value;
        Assert.True(bytes.AsSpan().SequenceEqual(download.Content.ToMemory().Span));
        Assert.Equal("application/x-test", download.Details.ContentType);
        Assert.Equal(bytes.Length, download.Details.ContentLength);
        Assert.Equal(uploaded.Value.ETag, download.Details.ETag);
        Assert.Equal("contract-test", download.Details.Metadata["origin"]);

        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(bytes.Length, properties.ContentLength);
        Assert.Equal(uploaded.Value.ETag, properties.ETag);
        Assert.Equal("contract-test", properties.Metadata["origin"]);
    }

    [Fact]
    public async Task List_with_prefix_and_paging()
    {
        var container = await NewContainerAsync();
        var etags = new Dictionary<string, ETag>();
        foreach (var name in new[] { "a/1.txt", "a/2.txt", "a/sub/3.txt", "b/4.txt", "a" })
            etags[name] = (await container.GetBlobClient(name).UploadAsync(BinaryData.FromString("content of " + name),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } })).Value.ETag;

        var items = new List<BlobItem>();
        var pages = 0;
        await foreach (var page in container.GetBlobsAsync(new GetBlobsOptions { Prefix = "a/" }).AsPages(pageSizeHint: 2))
        {
            pages++;
            items.AddRange(page.Values);
        }
        Assert.Equal(2, pages);
        Assert.Equal(["a/1.txt", "a/2.txt", "a/sub/3.txt"], items.Select(i => i.Name));
        Assert.All(items, i =>
        {
            Assert.Equal(("content of " + i.Name).Length, i.Properties.ContentLength);
            Assert.Equal("text/plain", i.Properties.ContentType);
            // Listings carry the ETag unquoted, response headers quoted: the same value.
            Assert.Equal(etags[i.Name].ToString().Trim('"'), i.Properties.ETag?.ToString().Trim('"'));
            Assert.NotNull(i.Properties.LastModified);
        });

        var all = new List<string>();
        await foreach (var item in container.GetBlobsAsync()) all.Add(item.Name);
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public async Task Upload_without_overwrite_conflicts_and_conditions_are_checked()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("once.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("first"));

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second")));
        Assert.Equal(409, conflict.Status);
        Assert.Equal("BlobAlreadyExists", conflict.ErrorCode);
        Assert.Equal("first", (await blob.DownloadContentAsync()).Value.Content.ToString());

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("x"),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag("\"0x1\"") } }));
        Assert.Equal(412, stale.Status);

        await blob.UploadAsync(BinaryData.FromString("third"),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } });
        await blob.UploadAsync(BinaryData.FromString("fourth"), overwrite: true);
        Assert.Equal("fourth", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Delete_exists_and_missing_blobs()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("gone.txt");
        Assert.False((await blob.ExistsAsync()).Value);
        await blob.UploadAsync(BinaryData.FromString("x"));
        Assert.True((await blob.ExistsAsync()).Value);

        Assert.True((await blob.DeleteIfExistsAsync()).Value);
        Assert.False((await blob.DeleteIfExistsAsync()).Value);
        Assert.False((await blob.ExistsAsync()).Value);

        var download = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync());
        Assert.Equal((404, "BlobNotFound"), (download.Status, download.ErrorCode));
        var properties = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetPropertiesAsync());
        Assert.Equal((404, "BlobNotFound"), (properties.Status, properties.ErrorCode));
    }

    [Fact]
    public async Task Container_create_and_delete_if_exists()
    {
        var name = Azurite.UniqueName("cont");
        var container = new BlobContainerClient(TestStorage.ConnectionString, name);
        Assert.NotNull(await container.CreateIfNotExistsAsync());
        Assert.Null(await container.CreateIfNotExistsAsync());
        await new BlobClient(TestStorage.ConnectionString, name, "x.txt").UploadAsync(BinaryData.FromString("x"));

        Assert.True((await container.DeleteIfExistsAsync()).Value);
        Assert.False((await container.DeleteIfExistsAsync()).Value);
        Assert.False((await container.GetBlobClient("x.txt").ExistsAsync()).Value);
        var upload = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("y").UploadAsync(BinaryData.FromString("y")));
        Assert.Equal((404, "ContainerNotFound"), (upload.Status, upload.ErrorCode));
    }
}
