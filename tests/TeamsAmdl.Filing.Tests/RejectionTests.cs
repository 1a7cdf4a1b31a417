using TeamsAmdl.Filing.Tests.Support;

namespace TeamsAmdl.Filing.Tests;

/// <summary>Bad input is refused with a German message before anything is stored.</summary>
public sealed class RejectionTests : IAsyncLifetime
{
    private FilingHarness _h = null!;

    public async Task InitializeAsync() => _h = await FilingHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_empty_document_is_rejected()
    {
        var ex = await Assert.ThrowsAsync<FilingRejectedException>(() =>
            _h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target("Leeres Protokoll"), BinaryData.Empty, "application/pdf")));
        Assert.Equal("empty_document", ex.Code);
        Assert.Equal("Das Dokument „Leeres Protokoll“ ist leer (0 Byte) und wird nicht abgelegt.", ex.Message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_document_over_250_MB_is_rejected()
    {
        var tooLarge = BinaryData.FromBytes(new byte[250 * 1024 * 1024 + 1]);
        var ex = await Assert.ThrowsAsync<FilingRejectedException>(() =>
            _h.Outbox.EnqueueAsync(new FilingDocument(FilingHarness.Target("Videoaufzeichnung"), tooLarge, "video/mp4")));
        Assert.Equal("document_too_large", ex.Code);
        Assert.Equal("Das Dokument „Videoaufzeichnung“ ist 250,0 MB groß; die e-Akte nimmt höchstens 250 MB an.", ex.Message);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("", "962-U-2026-0301", "Titel", "pdf", "missing_traeger")]
    [InlineData("Träger", " ", "Titel", "pdf", "missing_measure")]
    [InlineData("Träger", "962-U-2026-0301", "", "pdf", "missing_title")]
    [InlineData("Träger", "962-U-2026-0301", "Titel", "p/df", "invalid_extension")]
    public async Task A_document_without_a_target_is_rejected(string traeger, string measure, string title, string ext, string code)
    {
        var target = new FilingTarget(traeger, measure, FilingCategory.Massnahmebetreuung, "Vermerk", new DateOnly(2026, 11, 21), title, ext);
        var ex = await Assert.ThrowsAsync<FilingRejectedException>(() =>
            _h.Outbox.EnqueueAsync(new FilingDocument(target, BinaryData.FromString("x"), "text/plain")));
        Assert.Equal(code, ex.Code);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Empty(await _h.Outbox.ListAsync());
        Assert.Equal(0, await _h.VisibleQueueMessagesAsync());
        var blobs = new List<string>();
        await foreach (var b in _h.Outbox.Documents.GetBlobsAsync()) blobs.Add(b.Name);
        Assert.Empty(blobs);
    }
}
