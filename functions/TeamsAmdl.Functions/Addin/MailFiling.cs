using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Addin.AddinContracts;

namespace TeamsAmdl.Functions.Addin;

/// <summary>
/// The Outlook add-in's work (issue 18): proposes Träger, measure and category for an open mail, and files the mail
/// (.eml, plus a PDF rendition when the task pane sends the plain-text body) and the chosen attachments through the
/// filing outbox into {Träger}/{Maßnahmenummer}/{Kategorie}/. Everything is checked before anything is queued, so a
/// refused request leaves no trace. The mail's body and attachments go into the e-Akte only; tables hold the title
/// (checked by the personal-data rule) and hashes.
/// </summary>
public sealed class MailFiling(TraegerRepository traeger, MeasureRepository measures, FilingOutbox outbox, MailFilingLedger ledger,
    MailRecordRenderer mailPdf, IEnumerable<IMailFiledListener> listeners, TimeProvider time, ILogger<MailFiling> log)
{
    /// <summary>Largest request (JSON with base64: about 4/3 of the files). A larger one is a German 413 before the function runs.</summary>
    public const long MaxRequestBytes = 25L * 1024 * 1024;

    /// <summary>Largest sum of the mail and the chosen attachments (decoded). The .eml already holds the attachments, so
    /// a mail with its attachments filed separately counts them twice.</summary>
    public const long MaxContentBytes = 18L * 1024 * 1024;

    public const int MaxAttachments = 20;
    public const int MaxTitleLength = 150;
    public const int MaxBodyChars = 500_000;

    /// <summary>Who may file mails: the people who correspond with Träger about their measures.</summary>
    public static readonly IReadOnlyList<StaffRole> FilingRoles =
        [StaffRole.Koordinator, StaffRole.Betreuer, StaffRole.FachkraftSqs, StaffRole.KoordinierendeFuehrungskraft, StaffRole.Geschaeftsleitung];

    public static bool MayFile(CurrentUser caller) => FilingRoles.Any(caller.Has);

    public async Task<Outcome<ProposalView>> ProposeAsync(CurrentUser caller, ProposalBody body, CancellationToken ct)
    {
        if (!MayFile(caller)) return Outcome<ProposalView>.Fail(403, "forbidden", AddinTexts.Forbidden);
        var all = await traeger.ListAsync(ct);
        var ms = (await measures.ListAsync(BerlinCalendar.Today(time), ct, includeClosed: true)).Select(s => s.Measure).ToList();

        var (sender, byAddress) = MailProposal.TraegerFor(body.Sender, all);
        var reason = sender is null ? null
            : byAddress ? AddinTexts.ProposedByAddress(sender.Name)
            : AddinTexts.ProposedByDomain(sender.Name, body.Sender![(body.Sender!.LastIndexOf('@') + 1)..].Trim().TrimEnd('>'));
        var number = MailProposal.MeasureIn(body.Subject, ms.Select(m => m.Number));
        var measure = ms.FirstOrDefault(m => m.Number == number);
        // A number of another Träger's measure in the subject does not override the sender: the user decides.
        if (sender is not null && measure is not null && measure.TraegerId != sender.Id) measure = null;
        if (sender is not null && measure is null && ms.Where(m => m.TraegerId == sender.Id).Take(2).ToList() is [var only]) measure = only;

        return Outcome<ProposalView>.Success(new ProposalView(
            sender?.Id, reason, measure?.Number, MailProposal.CategoryFor(body.Subject).ToString(),
            all.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(t => new Choice(t.Id, t.Name)).ToList(),
            ms.Select(m => new MeasureChoice(m.Number, m.Title, m.TraegerId)).ToList(),
            Enum.GetValues<FilingCategory>().Select(c => new Choice(c.ToString(), c.DisplayName())).ToList(),
            MaxRequestBytes, AttachmentRules.BlockedExtensions));
    }

    public async Task<Outcome<FilingView>> FileAsync(CurrentUser caller, FileBody body, CancellationToken ct)
    {
        if (!MayFile(caller)) return Fail(403, "forbidden", AddinTexts.Forbidden);
        var today = BerlinCalendar.Today(time);
        var checkedBody = Check(body, today);
        if (checkedBody.Problem is { } problem) return problem;
        var (category, title, attachments) = checkedBody.Value;

        var t = await traeger.GetAsync(body.TraegerId!.Trim(), ct);
        if (t is null) return Fail(400, "unknown_traeger", AddinTexts.UnknownTraeger(body.TraegerId!));
        var m = (await measures.GetAsync(body.MeasureNumber!.Trim(), today, ct))?.Measure;
        if (m is null) return Fail(400, "unknown_measure", AddinTexts.UnknownMeasure(body.MeasureNumber!));
        if (m.TraegerId != t.Id) return Fail(400, "measure_of_other_traeger", AddinTexts.MeasureOfOtherTraeger(m.Number, t.Name));

        var received = body.ReceivedAt ?? time.GetUtcNow();
        var datum = BerlinCalendar.DateOf(received);
        FilingTarget Target(string titel, string kind, string ext) => new(t.Name, m.Number, category, kind, datum, titel, ext);
        var files = new List<(string Kind, string Key, string Name, FilingDocument Document)>
        {
            ("mail", "mail.eml", title + ".eml", new FilingDocument(Target(title, AddinTexts.MailKind, "eml"), BinaryData.FromBytes(body.Mail!), "message/rfc822")),
        };
        if (!string.IsNullOrWhiteSpace(body.BodyText))
        {
            var pdf = mailPdf.Render(new MailRecordInput(title, body.Sender?.Trim() ?? "", received, attachments.Select(a => a.Name).ToList(),
                body.BodyText, Target(title, AddinTexts.PdfKind, "pdf")));
            files.Add(("pdf", "mail.pdf", title + ".pdf", pdf.ToFilingDocument()));
        }
        foreach (var (a, i) in attachments.Select((a, i) => (a, i)))
        {
            var occurrence = attachments.Take(i).Count(b => string.Equals(b.Name, a.Name, StringComparison.OrdinalIgnoreCase));
            files.Add(("attachment", occurrence == 0 ? a.Name : $"{a.Name}#{occurrence}", a.Name, new FilingDocument(
                Target($"{title} – {Path.GetFileNameWithoutExtension(a.Name)}", AddinTexts.AttachmentKind, AttachmentRules.ExtensionOf(a.Name)),
                BinaryData.FromBytes(a.Content), string.IsNullOrWhiteSpace(a.ContentType) ? "application/octet-stream" : a.ContentType)));
        }
        FilingPath folder;
        try
        {
            folder = files[0].Document.Target.Path();
            foreach (var f in files) f.Document.Target.Path(); // every name valid before the first is queued
        }
        catch (FilingRejectedException e)
        {
            return Fail(400, e.Code, e.Message);
        }

        var mailKey = MailFilingLedger.MailKey(body.InternetMessageId!);
        var filed = new List<FiledFile>();
        var receipts = new List<FilingReceipt>();
        foreach (var (kind, key, name, document) in files)
        {
            var fileKey = MailFilingLedger.FileKey(kind, key);
            if (await ledger.FindAsync(mailKey, fileKey, ct) is { } jobId)
            {
                var job = await outbox.GetAsync(jobId, ct);
                filed.Add(new FiledFile(name, kind, jobId, job?.Path ?? "", (job?.Status ?? FilingStatus.Pending).ToString(), Created: false));
                continue;
            }
            var receipt = await outbox.EnqueueAsync(document, ct);
            await ledger.RecordAsync(mailKey, fileKey, receipt.JobId, caller.StaffId, ct);
            filed.Add(new FiledFile(name, kind, receipt.JobId, receipt.Path, receipt.Status.ToString(), receipt.Created));
            if (receipt.Created) receipts.Add(receipt);
        }
        log.LogInformation("Mail filed for {Measure} under {Category} by {Staff}: {New} new of {Files} files",
            m.Number, category, caller.StaffId, receipts.Count, filed.Count);

        var notes = new List<string>();
        if (receipts.Count > 0)
        {
            var happened = new MailFiled(t.Id, m.Number, category, title, datum, caller.StaffId, receipts);
            foreach (var listener in listeners)
                if (await listener.OnFiledAsync(happened, ct) is { Length: > 0 } note) notes.Add(note);
        }
        return Outcome<FilingView>.Success(new FilingView(folder.Folder, receipts.Count == 0, filed, notes), receipts.Count > 0 ? 201 : 200);
    }

    public async Task<Outcome<JobView>> JobAsync(CurrentUser caller, string jobId, CancellationToken ct)
    {
        if (!MayFile(caller)) return Outcome<JobView>.Fail(403, "forbidden", AddinTexts.Forbidden);
        // Job ids are SHA-256 hex (FilingOutbox): anything else is no job and never reaches the table.
        var job = jobId.Length == 64 && jobId.All(char.IsAsciiHexDigitLower) ? await outbox.GetAsync(jobId, ct) : null;
        return job is null
            ? Outcome<JobView>.Fail(404, "unknown_job", AddinTexts.UnknownJob(jobId))
            : Outcome<JobView>.Success(new JobView(job.JobId, job.Status.ToString(), AddinTexts.StatusLabel(job.Status), job.Path, job.WebUrl));
    }

    private sealed record Checked(FilingCategory Category, string Title, IReadOnlyList<(string Name, string? ContentType, byte[] Content)> Attachments);

    /// <summary>Every check that needs no storage: required fields, title, attachments, sizes.</summary>
    private static (Checked Value, Outcome<FilingView>? Problem) Check(FileBody body, DateOnly today)
    {
        (Checked, Outcome<FilingView>?) No(int status, string code, string message) => (null!, Fail(status, code, message));
        if (string.IsNullOrWhiteSpace(body.InternetMessageId) || body.InternetMessageId.Length > 2000)
            return No(400, "message_id_missing", AddinTexts.MessageIdMissing);
        if (body.Mail is not { Length: > 0 }) return No(400, "mail_missing", AddinTexts.MailMissing);
        if (string.IsNullOrWhiteSpace(body.TraegerId)) return No(400, "traeger_missing", AddinTexts.TraegerMissing);
        if (string.IsNullOrWhiteSpace(body.MeasureNumber)) return No(400, "measure_missing", AddinTexts.MeasureMissing);
        if (string.IsNullOrWhiteSpace(body.Category)) return No(400, "category_missing", AddinTexts.CategoryMissing);
        if (!EnumNames.TryParse<FilingCategory>(body.Category, out var category))
            return No(400, "unknown_category", AddinTexts.UnknownCategory(body.Category));
        var title = string.IsNullOrWhiteSpace(body.Title) ? AddinTexts.NoSubject : body.Title.Trim();
        if (title.Length > MaxTitleLength) return No(400, "title_too_long", AddinTexts.TitleTooLong(MaxTitleLength));
        if (PersonalDataGuard.Refusal(AddinTexts.TitleLabel, title, today) is { } refusal) return No(400, "personal_data", refusal);
        if (body.BodyText is { Length: > MaxBodyChars }) return No(400, "body_too_long", AddinTexts.BodyTooLong(MaxBodyChars));

        var given = body.Attachments ?? [];
        if (given.Count > MaxAttachments) return No(400, "too_many_attachments", AddinTexts.TooManyAttachments(MaxAttachments));
        var attachments = new List<(string, string?, byte[])>();
        long total = body.Mail.Length;
        foreach (var (a, i) in given.Select((a, i) => (a, i + 1)))
        {
            var name = a?.Name?.Trim() ?? "";
            if (name.Length == 0) return No(400, "attachment_name_missing", AddinTexts.AttachmentNameMissing(i));
            if (a!.Content is not { Length: > 0 } content) return No(400, "attachment_empty", AddinTexts.AttachmentEmpty(name));
            if (AttachmentRules.IsExecutable(name, content)) return No(400, "executable_attachment", AddinTexts.Executable(name));
            if (AttachmentRules.ExtensionOf(name).Length == 0) return No(400, "attachment_without_extension", AddinTexts.NoExtension(name));
            if (PersonalDataGuard.Refusal(AddinTexts.AttachmentNameLabel(i), name, today) is { } nameRefusal)
                return No(400, "personal_data", nameRefusal);
            attachments.Add((name, a.ContentType, content));
            total += content.Length;
        }
        if (total > MaxContentBytes) return No(413, "content_too_large", AddinTexts.TooLarge(total, MaxContentBytes));
        return (new Checked(category, title, attachments), null);
    }

    private static Outcome<FilingView> Fail(int status, string code, string message) => Outcome<FilingView>.Fail(status, code, message);
}
