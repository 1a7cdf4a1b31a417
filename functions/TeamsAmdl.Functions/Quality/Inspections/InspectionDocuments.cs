using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>
/// The two documents of this feature, rendered by the filing project and queued in its durable outbox (R-DOC-1/2):
/// the Prüfbericht (Vor-Ort-Besuche/Prüfberichte) and the Stufe-1 Mängelschreiben draft (Schriftverkehr Mängel). Rendering
/// is deterministic and the outbox idempotent by path and content, so a retried call queues nothing new.
/// </summary>
public sealed class InspectionDocuments(FilingOutbox outbox, PruefberichtRenderer pruefbericht, MaengelschreibenRenderer letters)
{
    public Task<FilingReceipt> FilePruefberichtAsync(PruefberichtInput input, CancellationToken ct) =>
        outbox.EnqueueAsync(pruefbericht.Render(input).ToFilingDocument(), ct);

    public Task<FilingReceipt> FileLetterAsync(MaengelschreibenInput input, string mangelId, CancellationToken ct)
    {
        var rendered = letters.Render(input);
        // One file per Mangel: two letters of one day must not become versions of the same file.
        rendered = rendered with { Target = rendered.Target with { Titel = $"Mängelschreiben Entwurf {mangelId}" } };
        return outbox.EnqueueAsync(rendered.ToFilingDocument(), ct);
    }

    public static string Aktenzeichen(Measure m, string mangelId) => $"QS-{m.Number}-{mangelId}";
}
