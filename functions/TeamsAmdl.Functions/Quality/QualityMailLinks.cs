using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Addin;
using TeamsAmdl.Functions.Quality.Inspections;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality;

/// <summary>
/// Issue 18, item 4: what filing a Träger's mail from Outlook means for the quality calendar. A mail whose title names
/// the "Abschlussbericht" completes the measure's open review task (as the filer, so only Koordination/Betreuung of the
/// measure complete it); a mail filed under "Schriftverkehr Mängel" names the measure's open Mängel, so the user can
/// take the next step on the right one in the Qualitätskalender.
/// </summary>
public sealed class QualityMailLinks(AfterEndTasks tasks, InspectionStore inspections, StaffRepository staff) : IMailFiledListener
{
    public async Task<string?> OnFiledAsync(MailFiled filed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filed);
        if (filed.Titel.Contains("Abschlussbericht", StringComparison.OrdinalIgnoreCase)
            && await staff.GetAsync(filed.StaffId, cancellationToken) is { } me)
        {
            var done = await tasks.CompleteAsync(me, filed.Massnahmenummer, nameof(AfterEndTaskKind.Abschlussbericht), null, null, cancellationToken);
            return done.Status switch
            {
                200 => QualityLinkTexts.ReviewCompleted(filed.Massnahmenummer),
                403 => QualityLinkTexts.ReviewNotYours(filed.Massnahmenummer),
                _ => null, // no open review task (not ended yet, or done already): nothing to say
            };
        }
        if (filed.Kategorie != FilingCategory.SchriftverkehrMaengel) return null;
        var open = (await inspections.LoadAsync(filed.Massnahmenummer, cancellationToken)).Maengel
            .Select(m => m.Value)
            .Where(m => m.Status != MangelStatus.Behoben)
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        return open.Count == 0 ? null : QualityLinkTexts.OpenMaengel(filed.Massnahmenummer, open.Select(m => (m.Id, m.Description)).ToList());
    }
}
