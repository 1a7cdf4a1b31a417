using System.Globalization;
using System.Net.Mail;
using System.Text;
using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Measures.MeasureContracts;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// Träger records (R-ONB-1): created by coordinators, listed for everyone (they carry no customer data). A Träger is
/// never deleted: measures, ratings and the e-Akte refer to it. The id is given or made from the name
/// ("Bildungswerk Rheinaue gGmbH" → "tr-bildungswerk-rheinaue-ggmbh"); the same id or name twice is a 409.
/// </summary>
public sealed class TraegerAdmin(Tables tables, TraegerRepository traeger, ILogger<TraegerAdmin> log)
{
    public const int MaxIdLength = 40;

    public async Task<IReadOnlyList<TraegerView>> ListAsync(CancellationToken ct) =>
        (await traeger.ListAsync(ct)).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(View).ToList();

    public async Task<MeasureOutcome<TraegerView>> CreateAsync(CurrentUser caller, TraegerBody body, CancellationToken ct)
    {
        if (!caller.Has(StaffRole.Koordinator)) return MeasureOutcome<TraegerView>.Fail(403, "forbidden", MeasureTexts.CoordinatorsOnly);
        var errors = new List<FieldError>();
        var name = body.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new FieldError("name", MeasureTexts.TraegerNameMissing));
        else if (name.Length > MeasureInput.MaxTextLength) errors.Add(new FieldError("name", MeasureTexts.TooLong));
        var city = body.City?.Trim() ?? "";
        if (city.Length > MeasureInput.MaxTextLength) errors.Add(new FieldError("city", MeasureTexts.TooLong));
        var email = string.IsNullOrWhiteSpace(body.ContactEmail) ? null : body.ContactEmail.Trim();
        if (email is not null && (email.Length > MeasureInput.MaxTextLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            errors.Add(new FieldError("contactEmail", MeasureTexts.TraegerEmailInvalid));
        var id = string.IsNullOrWhiteSpace(body.Id) ? IdFrom(name) : body.Id.Trim();
        if (!IsValidId(id)) errors.Add(new FieldError("id", MeasureTexts.TraegerIdInvalid));
        if (errors.Count > 0) return MeasureOutcome<TraegerView>.Fail(400, "invalid_input", MeasureTexts.Invalid, errors);

        if ((await traeger.ListAsync(ct)).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) is { } same)
            return MeasureOutcome<TraegerView>.Fail(409, "traeger_exists", MeasureTexts.TraegerNameExists(name, same.Id),
                [new FieldError("name", MeasureTexts.TraegerNameExists(name, same.Id))]);
        var created = new Traeger(id, name, city, email);
        try
        {
            await tables.Traeger.AddEntityAsync(TraegerEntity.From(created), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return MeasureOutcome<TraegerView>.Fail(409, "traeger_exists", MeasureTexts.TraegerExists(id), [new FieldError("id", MeasureTexts.TraegerExists(id))]);
        }
        log.LogInformation("Traeger {Traeger} created by {Staff}", id, caller.StaffId);
        return MeasureOutcome<TraegerView>.Success(View(created), 201);
    }

    private static TraegerView View(Traeger t) => new(t.Id, t.Name, t.City, t.ContactEmail);

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    /// <summary>"Bildungswerk Rheinaue gGmbH" → "tr-bildungswerk-rheinaue-ggmbh" (umlauts spelled out, at most 40 characters).</summary>
    public static string IdFrom(string name)
    {
        var sb = new StringBuilder("tr-");
        foreach (var c in name.ToLowerInvariant())
        {
            var s = c switch { 'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss", _ => null };
            if (s is not null) sb.Append(s);
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (char.IsLetter(c)) sb.Append(RemoveAccent(c));
            else if (sb[^1] != '-') sb.Append('-');
        }
        var id = sb.ToString().Trim('-');
        return (id.Length > MaxIdLength ? id[..MaxIdLength] : id).TrimEnd('-');
    }

    private static string RemoveAccent(char c)
    {
        var plain = c.ToString().Normalize(NormalizationForm.FormD).Where(x => CharUnicodeInfo.GetUnicodeCategory(x) != UnicodeCategory.NonSpacingMark);
        return new string(plain.Where(x => x is >= 'a' and <= 'z').ToArray());
    }
}
