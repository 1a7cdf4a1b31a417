using TeamsAmdl.Filing;

namespace TeamsAmdl.Functions.Addin;

/// <summary>
/// Issue 18, item 4 (seam): called after a mail was queued for the e-Akte with something new, e.g. to complete the
/// quality calendar's review task when an "Abschlussbericht" is filed for a measure, or to offer attaching a mail
/// filed under "Schriftverkehr Mängel" to an open Mangel. Register implementations as singletons
/// (<c>services.AddSingleton&lt;IMailFiledListener, …&gt;()</c>); Quality/QualityMailLinks.cs is one.
/// </summary>
public interface IMailFiledListener
{
    /// <returns>A German note for the task pane, or null.</returns>
    Task<string?> OnFiledAsync(MailFiled filed, CancellationToken cancellationToken);
}
