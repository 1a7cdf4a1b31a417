using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Deadlines.DeadlineContracts;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// R-TN-1, the Erwartungsbogen: the IFK (or the measure's Betreuung/Koordination) records the customer's expectation in
/// their own words, checked like every free text (<see cref="PersonalDataGuard"/>), and a target date not before the
/// entry. It is stored on the deadline (recorded = done), rendered as DOCX and queued in the e-Akte filing outbox
/// (Maßnahmebetreuung, idempotent by path and content); the Feedbackbogen row shows it beside it later.
/// </summary>
public sealed class Expectations(DeadlineStore store, MeasureRepository measures, TraegerRepository traeger, StaffRepository staff,
    TimeProvider time, ILogger<Expectations> log, ErwartungsbogenRenderer? renderer = null, FilingOutbox? filing = null)
{
    public const int MaxLength = 2000;
    public const string Label = "Erwartung (O-Ton)";

    public async Task<Outcome<DeadlineView>> RecordAsync(Staff user, string number, ExpectationBody body, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        string reference;
        try
        {
            reference = CustomerReference.Normalize(body.CustomerRef);
        }
        catch (DomainValidationException e)
        {
            return Fail(400, "invalid_input", e.Message);
        }
        var text = body.Expectation?.Trim();
        if (string.IsNullOrEmpty(text)) return Fail(400, "invalid_input", DeadlineTexts.ExpectationMissing);
        if (text.Length > MaxLength) return Fail(400, "invalid_input", DeadlineTexts.ExpectationTooLong(MaxLength));
        if (PersonalDataGuard.Refusal(Label, text, today) is { } refusal) return Fail(400, "personal_data", refusal);
        if (body.TargetDate is not { } target) return Fail(400, "invalid_input", DeadlineTexts.TargetDateMissing);

        var state = PlaceRequestRepository.IsSafeKey(number) ? await measures.GetAsync(number, today, ct) : null;
        if (state is null) return Fail(404, "unknown_measure", DeadlineTexts.UnknownMeasure(number));
        var m = state.Measure;
        var p = (await measures.ParticipationsAsync(number, ct)).Where(x => x.CustomerRef == reference).OrderByDescending(x => x.Entry).FirstOrDefault();
        if (p is null) return Fail(404, "not_participating", DeadlineTexts.UnknownParticipant(reference));
        if (p.IfkId != user.Id && !PlaceRequestService.CanDecide(user, m)) return Fail(403, "forbidden", DeadlineTexts.ExpectationForbidden);
        if (target < p.Entry) return Fail(400, "invalid_input", DeadlineTexts.TargetBeforeEntry(p.Entry));

        var due = DeadlineRules.Erwartungsbogen(p.Entry);
        var item = new DeadlineItem(DeadlineItem.KeyFor(DeadlineKind.Erwartungsbogen, reference, p.Entry), DeadlineKind.Erwartungsbogen, number,
            reference, p.IfkId, p.Entry, due);
        var mark = await store.RecordExpectationAsync(item, user, text, target, today, time.GetUtcNow(), ct);
        if (renderer is not null && filing is not null)
        {
            var ifkName = p.IfkId is { } id ? (await staff.GetAsync(id, ct))?.DisplayName ?? id : user.DisplayName;
            var traegerName = (await traeger.GetAsync(m.TraegerId, ct))?.Name ?? m.TraegerId;
            var rendered = renderer.Render(new ErwartungsbogenInput(number, m.Title, traegerName, reference, p.Entry, text, target, ifkName, today));
            var receipt = await filing.EnqueueAsync(rendered.ToFilingDocument(), ct);
            mark = await store.SetFilingPathAsync(item, receipt.Path, ct);
        }
        log.LogInformation("Erwartungsbogen in {Measure} erfasst", number);
        return Outcome<DeadlineView>.Success(DeadlineView.From(m, item, mark, today, PlaceRequestService.CanDecide(user, m)), 201);
    }

    private static Outcome<DeadlineView> Fail(int status, string code, string message) => Outcome<DeadlineView>.Fail(status, code, message);
}
