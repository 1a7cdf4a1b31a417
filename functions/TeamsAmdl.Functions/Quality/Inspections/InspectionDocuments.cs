using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>
/// The two documents of this feature, rendered by the filing project and queued in its durable outbox (R-DOC-1/2):
/// the Prüfbericht (Vor-Ort-Besuche/Prüfberichte) and the Stufe-1 Mängelschreiben draft (Schriftverkehr Mängel). Rendering
/// is deterministic and the outbox idempotent by path and content, so a retried call queues nothing new.
/// </summary>
/// <remarks>Optional dependencies: with unusable filing settings nothing of filing is registered and start-up stops with
/// its own message (StartupChecks); resolving this class must not fail before that.</remarks>
public sealed class InspectionDocuments(FilingOutbox? outbox = null, PruefberichtRenderer? pruefbericht = null, MaengelschreibenRenderer? letters = null)
{
    public Task<FilingReceipt> FilePruefberichtAsync(PruefberichtInput input, CancellationToken ct) =>
        Outbox.EnqueueAsync((pruefbericht ?? throw NotConfigured()).Render(input).ToFilingDocument(), ct);

    public Task<FilingReceipt> FileLetterAsync(MaengelschreibenInput input, string mangelId, CancellationToken ct)
    {
        var rendered = (letters ?? throw NotConfigured()).Render(input);
        // One file per Mangel: two letters of one day must not become versions of the same file.
        rendered = rendered with { Target = rendered.Target with { Titel = $"Mängelschreiben Entwurf {mangelId}" } };
        return Outbox.EnqueueAsync(rendered.ToFilingDocument(), ct);
    }

    public static string Aktenzeichen(Measure m, string mangelId) => $"QS-{m.Number}-{mangelId}";

    private FilingOutbox Outbox => outbox ?? throw NotConfigured();

    private static InvalidOperationException NotConfigured() => new("e-Akte filing is not configured (see StartupChecks).");
}
