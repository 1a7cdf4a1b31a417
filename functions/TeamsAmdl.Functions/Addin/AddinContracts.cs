namespace TeamsAmdl.Functions.Addin;

/// <summary>Request and response bodies of the Outlook add-in's API (issue 18).</summary>
public static class AddinContracts
{
    /// <summary>POST api/addin/proposal: what the open mail shows (the sender's address, the subject).</summary>
    public sealed record ProposalBody(string? Sender, string? Subject);

    public sealed record Choice(string Value, string Label);

    public sealed record MeasureChoice(string Number, string Title, string TraegerId);

    /// <summary>The proposal (null where nothing could be recognised: the user chooses) and every choice.</summary>
    /// <param name="TraegerReason">Why the Träger was proposed, German; null if it was not.</param>
    public sealed record ProposalView(
        string? TraegerId, string? TraegerReason, string? MeasureNumber, string Category,
        IReadOnlyList<Choice> Traeger, IReadOnlyList<MeasureChoice> Measures, IReadOnlyList<Choice> Categories,
        long MaxRequestBytes, IReadOnlyList<string> BlockedExtensions);

    /// <summary>
    /// POST api/addin/filings. <paramref name="Mail"/> is the .eml (base64 in JSON, as getAsFileAsync delivers it);
    /// <paramref name="BodyText"/> the plain-text body for the PDF rendition (optional).
    /// </summary>
    public sealed record FileBody(
        string? InternetMessageId, string? Title, string? Sender, DateTimeOffset? ReceivedAt,
        string? TraegerId, string? MeasureNumber, string? Category,
        byte[]? Mail, string? BodyText, IReadOnlyList<AttachmentBody>? Attachments);

    public sealed record AttachmentBody(string? Name, string? ContentType, byte[]? Content);

    /// <param name="Kind">mail (.eml), pdf (its rendition) or attachment.</param>
    /// <param name="Created">False: this file of this mail was filed before; nothing new was queued.</param>
    public sealed record FiledFile(string Name, string Kind, string JobId, string Path, string Status, bool Created);

    /// <param name="Location">The e-Akte folder: Träger/Maßnahmenummer/Kategorie.</param>
    /// <param name="NothingNew">Every file of this mail had been filed before.</param>
    /// <param name="Notes">German notes of follow-ups (<see cref="IMailFiledListener"/>).</param>
    public sealed record FilingView(string Location, bool NothingNew, IReadOnlyList<FiledFile> Files, IReadOnlyList<string> Notes);

    /// <summary>GET api/addin/jobs/{jobId}: the progress of one file.</summary>
    public sealed record JobView(string JobId, string Status, string Label, string Path, string? WebUrl);
}
