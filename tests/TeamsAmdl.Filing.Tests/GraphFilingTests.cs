using TeamsAmdl.Filing.Tests.Support;
using Xunit.Abstractions;

namespace TeamsAmdl.Filing.Tests;

/// <summary>The real Microsoft Graph SDK (5.92) against the fake Graph server over HTTP, the outbox on Azurite.</summary>
public sealed class GraphFilingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FilingHarness _h = null!;

    public async Task InitializeAsync() => _h = await FilingHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Small_document_creates_the_folders_is_put_in_one_request_and_gets_its_columns()
    {
        var content = FilingHarness.RandomBytes(50_000);
        var job = await _h.FileAsync(new FilingDocument(FilingHarness.Target(), content, "application/pdf"));

        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal("put", job.UploadMethod);
        const string path = "Bildungswerk Nord gGmbH/962-U-2026-0301/Vor-Ort-Besuche und Prüfberichte/2026-11-21_Prüfbericht Vor-Ort-Besuch.pdf";
        Assert.Equal(path, job.Path);

        // Folders: one POST …/children per level, in order, each under the one before.
        var created = _h.Graph.Matching("POST", "/children");
        Assert.Equal(3, created.Count);
        Assert.Equal(["Bildungswerk Nord gGmbH", "962-U-2026-0301", "Vor-Ort-Besuche und Prüfberichte"],
            created.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("name").GetString()));
        Assert.All(created, r => Assert.Contains("\"@microsoft.graph.conflictBehavior\":\"fail\"", System.Text.Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("/items/root/children", created[0].Path);
        Assert.True(_h.Graph.FolderExists("Bildungswerk Nord gGmbH/962-U-2026-0301/Vor-Ort-Besuche und Prüfberichte"));

        // One PUT …/content with the bytes; no upload session.
        var put = Assert.Single(_h.Graph.Matching("PUT", "/content"));
        Assert.Equal(50_000, put.BodyLength);
        Assert.EndsWith(":/2026-11-21_Prüfbericht Vor-Ort-Besuch.pdf:/content", put.Path);
        Assert.Empty(_h.Graph.Matching("POST", "createUploadSession"));
        var stored = _h.Graph.File(path)!;
        Assert.Equal(content.ToArray(), Assert.Single(stored.Versions));

        // Columns on the list item: PATCH /sites/{site}/lists/{list}/items/{id}/fields.
        var patch = Assert.Single(_h.Graph.Matching("PATCH", "/fields"));
        Assert.StartsWith($"/v1.0/sites/{FakeGraphServer.SiteId}/lists/{FakeGraphServer.ListId}/items/", patch.Path);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Kategorie"] = "Vor-Ort-Besuche/Prüfberichte",
            ["Massnahmenummer"] = "962-U-2026-0301",
            ["Traeger"] = "Bildungswerk Nord gGmbH",
            ["Dokumentart"] = "Prüfbericht",
        }, stored.Fields);

        // App-only token for Graph's scope on every Graph request.
        Assert.All(_h.Graph.Requests, r => Assert.Equal("Bearer " + FakeGraphServer.Token, r.Authorization));
        Assert.All(_h.Credential.Scopes, s => Assert.Equal("https://graph.microsoft.com/.default", s));

        // A second document in the same folder creates no folder.
        var second = await _h.FileAsync(new FilingDocument(FilingHarness.Target("Prüfbericht Nachprüfung"), FilingHarness.RandomBytes(1000, 2), "application/pdf"));
        Assert.Equal(FilingStatus.Filed, second.Status);
        Assert.Equal(3, _h.Graph.Matching("POST", "/children").Count);
        Assert.Equal(0, await _h.VisibleQueueMessagesAsync());
        output.WriteLine(string.Join("\n", _h.Graph.Requests));
        // Path-based addressing goes out percent-encoded (umlauts, spaces), slashes kept.
        Assert.Contains(":/2026-11-21_Pr%C3%BCfbericht%20Vor-Ort-Besuch.pdf:/content", put.RawTarget);
    }

    [Fact]
    public async Task Document_over_4_MB_goes_through_an_upload_session_in_three_slices()
    {
        const int size = 12_000_000; // slices of 5 MiB: 5,242,880 + 5,242,880 + 1,514,240
        var content = FilingHarness.RandomBytes(size, 7);
        var job = await _h.FileAsync(new FilingDocument(FilingHarness.Target("Teilnehmerbefragung Scan", category: FilingCategory.TeilnehmerbefragungenBeschwerden),
            content, "application/pdf"));

        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.Equal("session", job.UploadMethod);
        var session = Assert.Single(_h.Graph.Matching("POST", "createUploadSession"));
        Assert.Contains("\"@microsoft.graph.conflictBehavior\":\"replace\"", System.Text.Encoding.UTF8.GetString(session.Body));
        Assert.Empty(_h.Graph.Matching("PUT", "/content"));
        var slices = _h.Graph.Matching("PUT", "/upload/");
        Assert.Equal(3, slices.Count);
        Assert.Equal(["bytes 0-5242879/12000000", "bytes 5242880-10485759/12000000", "bytes 10485760-11999999/12000000"], slices.Select(s => s.ContentRange));
        Assert.Equal([202, 202, 201], slices.Select(s => s.Status));
        var stored = _h.Graph.File(job.Path)!;
        Assert.Equal(content.ToArray(), Assert.Single(stored.Versions));
        Assert.Equal("Teilnehmerbefragungen/-beschwerden", stored.Fields["Kategorie"]);
        output.WriteLine($"slices: {string.Join(", ", slices.Select(s => $"{s.BodyLength} B → {s.Status}"))}");
    }

    [Fact]
    public async Task Same_content_for_the_same_target_is_filed_once_and_changed_content_becomes_a_new_version()
    {
        var target = FilingHarness.Target("Mängelanzeige");
        var v1 = FilingHarness.RandomBytes(20_000, 1);
        var first = await _h.Outbox.EnqueueAsync(new FilingDocument(target, v1, "application/pdf"));
        Assert.True(first.Created);
        await _h.RunUntilFinalAsync(first.JobId);

        // The same bytes again (a retried caller, a timer that ran twice): the same job, nothing queued, no upload.
        var again = await _h.Outbox.EnqueueAsync(new FilingDocument(target, v1, "application/pdf"));
        Assert.False(again.Created);
        Assert.Equal(first.JobId, again.JobId);
        Assert.Equal(FilingStatus.Filed, again.Status);
        Assert.Equal(0, await _h.VisibleQueueMessagesAsync());
        Assert.Equal(0, await _h.Worker.RunOnceAsync(CancellationToken.None));

        // Changed content for the same target: a new job, PUT to the same path → second version of the same file.
        var v2 = FilingHarness.RandomBytes(20_000, 2);
        var changed = await _h.Outbox.EnqueueAsync(new FilingDocument(target, v2, "application/pdf"));
        Assert.True(changed.Created);
        Assert.NotEqual(first.JobId, changed.JobId);
        Assert.Equal(first.Path, changed.Path);
        Assert.Equal(FilingStatus.Filed, (await _h.RunUntilFinalAsync(changed.JobId)).Status);

        var stored = _h.Graph.File(first.Path)!;
        Assert.Equal(2, stored.Versions.Count);
        Assert.Equal(v1.ToArray(), stored.Versions[0]);
        Assert.Equal(v2.ToArray(), stored.Versions[1]);
        Assert.Equal(2, _h.Graph.Matching("PUT", "/content").Count);
        Assert.Equal(2, (await _h.Outbox.ListAsync(FilingStatus.Filed)).Count);
    }

    [Fact]
    public async Task Forbidden_characters_and_400_character_names_become_a_valid_path()
    {
        var traeger = "Träger: \"Neue/Wege\" <Bildung> | Hilfe? * \\ e.V. ";
        var title = " ." + new string('x', 200) + " Bericht: Teil 1/2 " + new string('y', 200) + ". ";
        var target = new FilingTarget(traeger + new string('T', 400), "962-U-2026-0302", FilingCategory.PruefergebnisAnTraeger, "Prüfergebnis",
            new DateOnly(2026, 11, 21), title, "pdf");
        var job = await _h.FileAsync(new FilingDocument(target, FilingHarness.RandomBytes(5000), "application/pdf"));

        // The fake Graph refuses what SharePoint refuses; the job went through.
        Assert.Equal(FilingStatus.Filed, job.Status);
        Assert.True(job.Path.Length <= 400, $"path has {job.Path.Length} characters");
        var segments = job.Path.Split('/');
        Assert.Equal(4, segments.Length);
        Assert.All(segments, s => Assert.Null(FakeGraphServer.NameProblem(s)));
        Assert.StartsWith("Träger_ _Neue_Wege_ _Bildung_ _ Hilfe_ _ _ e.V. TTTT", segments[0]);
        Assert.Matches("^2026-11-21_x{10,}.*~[0-9a-f]{6}\\.pdf$", segments[3]);
        Assert.NotNull(_h.Graph.File(job.Path));
        output.WriteLine($"{job.Path.Length}: {job.Path}");
    }
}
