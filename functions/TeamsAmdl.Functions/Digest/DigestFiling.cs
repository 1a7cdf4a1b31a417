using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Functions.Digest;

/// <summary>What <see cref="DigestFiling.QueueAsync"/> did.</summary>
/// <param name="Queued">Documents newly queued for the e-Akte.</param>
/// <param name="AlreadyQueued">Documents the filing outbox already had (a repeated publication run).</param>
/// <param name="Problems">German messages of documents the e-Akte refused (e.g. no Träger), by Maßnahmenummer.</param>
/// <param name="JobIds">The filing outbox jobs of the documents (their state is the progress of the e-Akte part).</param>
public sealed record DigestFilingResult(int Queued, int AlreadyQueued, IReadOnlyList<string> Problems, IReadOnlyList<string> JobIds)
{
    public int Documents => Queued + AlreadyQueued;
}

/// <summary>
/// R-INFO-2 / R-DOC: the published digest goes into the e-Akte through TeamsAmdl.Filing. The e-Akte is organised
/// by Träger and Maßnahme ({Träger}/{Maßnahmenummer}/Maßnahmeinfo/), so every measure of the digest gets its weekly
/// Maßnahmeinfo document (<see cref="MassnahmeinfoRenderer"/>, PDF/A) with the published figures, the Betreuer's
/// input and where the digest went, queued in the durable filing outbox (<see cref="FilingOutbox"/>, which files it
/// through Microsoft Graph). The renderer is deterministic and the outbox keys by path and content, so repeating a
/// publication run queues nothing twice; a later publication of the same week becomes a new version of the file.
/// </summary>
// The outbox and renderer exist unless the Filing settings are unusable (then the start stops anyway).
public sealed class DigestFiling(ILogger<DigestFiling> log, FilingOutbox? outbox = null, MassnahmeinfoRenderer? renderer = null)
{
    private Task? _created;

    /// <summary>The filing outbox (null when the e-Akte is not set up): the progress display reads the jobs' state.</summary>
    public FilingOutbox? Outbox => outbox;

    public async Task<DigestFilingResult> QueueAsync(DigestSnapshot snapshot, DigestEntity row, CancellationToken ct)
    {
        if (outbox is null || renderer is null)
            return new DigestFilingResult(0, 0, [DigestTexts.FilingUnavailable], []);
        var created = _created ??= outbox.CreateIfNotExistsAsync(CancellationToken.None);
        try
        {
            await created.WaitAsync(ct);
        }
        catch when (created.IsFaulted)
        {
            _created = null;
            throw;
        }

        var queued = 0;
        var already = 0;
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        var jobs = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(snapshot.Entries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (e, token) =>
        {
            try
            {
                var document = renderer.Render(Input(snapshot, row, e));
                var receipt = await outbox.EnqueueAsync(document.ToFilingDocument(), token);
                jobs.Add(receipt.JobId);
                if (receipt.Created) Interlocked.Increment(ref queued);
                else Interlocked.Increment(ref already);
            }
            catch (FilingRejectedException x)
            {
                log.LogWarning("Digest {Id}: Maßnahmeinfo of {Number} refused by the e-Akte ({Code})", snapshot.Id, e.Number, x.Code);
                problems.Add($"{e.Number}: {x.Message}");
            }
        });
        return new DigestFilingResult(queued, already, problems.Order(StringComparer.Ordinal).ToList(), jobs.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The document of one measure: the published figures, the week's input and the publication.</summary>
    public static MassnahmeinfoInput Input(DigestSnapshot s, DigestEntity row, DigestEntry e)
    {
        var week = s.WeekKey;
        var report = new List<string>
        {
            e.State switch
            {
                DigestInputState.Missing => "Keine Wochenmeldung: In der Maßnahmeinfo stehen die Werte aus dem System.",
                DigestInputState.Confirmed => $"Die Betreuung ({e.ReportedBy}) hat die Werte aus dem System bestätigt{At(e.ReportedAt)}.",
                DigestInputState.Corrected => $"Die Betreuung ({e.ReportedBy}) hat die Werte korrigiert{At(e.ReportedAt)}.",
                _ => $"Die Koordination ({e.ReportedBy}) hat die Werte bearbeitet{At(e.ReportedAt)}.",
            },
            e.IntakeOpen
                ? $"Freie Plätze für Einstiege: {e.FreePlaces}"
                : "Freie Plätze für Einstiege: keine – eine Aufnahme ist nicht mehr möglich.",
            e.NextEntryDate is { } d ? $"Nächster Einstieg: {d:dd.MM.yyyy}" : "Nächster Einstieg: kein Termin",
        };
        var channels = row.ChannelIdList.Count;
        var publication = new List<string>
        {
            $"Veröffentlicht von {s.PublishedByName}{At(s.PublishedAt)}.",
            channels == 0 ? "Nicht in Teamkanälen gepostet." : channels == 1 ? "In 1 Teamkanal gepostet." : $"In {channels} Teamkanälen gepostet.",
        };
        if (row.ToIfk || row.ToTeamleitung)
            publication.Add("Persönlich (1:1) an " + (row.ToIfk && row.ToTeamleitung ? "alle IFKs und Teamleitungen" : row.ToIfk ? "alle IFKs" : "alle Teamleitungen") + ".");
        return new MassnahmeinfoInput(e.Number, e.Title, e.Traeger, e.Kind.German(), week.Year, week.Week, week.Monday, week.Sunday,
            e.KoordinatorName ?? "", e.BetreuerName, e.Capacity, e.Occupied, e.Reserved,
            [
                new MassnahmeinfoAbschnitt("Wochenmeldung", report),
                new MassnahmeinfoAbschnitt("Bemerkungen", string.IsNullOrWhiteSpace(e.Remarks) ? [] : [e.Remarks]),
                new MassnahmeinfoAbschnitt("Veröffentlichung", publication),
            ],
            BerlinCalendar.DateOf(s.PublishedAt));
    }

    private static string At(DateTimeOffset? t) => t is { } x ? " " + DigestTexts.At(x) : "";
}
