using TeamsAmdl.Filing.Documents.Pdf;

namespace TeamsAmdl.Filing.Documents;

/// <summary>The frame of every e-Akte record: the Jobcenter and the date in the header, its address below, the title.</summary>
internal static class RecordPdf
{
    public static PdfLayout Start(JobcenterInfo jobcenter, string title, DateOnly date) =>
        new PdfLayout(jobcenter.Name, German.Date(date), jobcenter.Anschrift, $"{jobcenter.Name} · {title}").Title(title);

    public static BinaryData Finish(PdfLayout layout, JobcenterInfo jobcenter, string title, string subject, DateOnly date) =>
        BinaryData.FromBytes(layout.Build(new PdfInfo(title, jobcenter.Name, subject,
            new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))));
}
