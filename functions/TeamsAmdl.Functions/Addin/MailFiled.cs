using TeamsAmdl.Filing;

namespace TeamsAmdl.Functions.Addin;

/// <summary>What was filed: the measure, category and title the user confirmed, and the receipts of the files.</summary>
public sealed record MailFiled(
    string TraegerId, string Massnahmenummer, FilingCategory Kategorie, string Titel, DateOnly Datum, string StaffId,
    IReadOnlyList<FilingReceipt> Receipts);
