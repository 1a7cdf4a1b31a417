using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// A submitted rating as the Bewertungsbogen of the e-Akte (R-RATE-5, R-DOC): rendered by the filing project's
/// <see cref="BewertungsbogenRenderer"/> (PDF/A record) and queued in its durable <see cref="FilingOutbox"/>
/// (blob + job row + queue; filed under {Träger}/{Maßnahmenummer}/Bewertungsbögen TM/). The document shows measure,
/// Träger, assessor, every answer with its comment, both averages against the threshold, which values are bad
/// ("Auffällig: ja"), and for each bad value its Begründung and Handlungsempfehlung. Rendering is deterministic and the
/// outbox is idempotent by path + content hash, so repeating the follow-ups queues nothing new.
/// </summary>
public static class RatingDocument
{
    public const string ResultArea = "Ergebnis";

    public static BewertungsbogenInput Input(RatingSnapshot s, QuestionnaireTemplate t, AssignmentRow a)
    {
        var r = s.Request;
        var submitted = BerlinCalendar.DateOf(a.SubmittedAt ?? default);
        var evaluation = RatingCards.Evaluation(t, a);
        var bad = evaluation.BadValues.Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        var threshold = RatingScale.Format(t.Scale.Threshold);
        var answers = s.AnswersOf(a.AssessorId).ToDictionary(x => x.QuestionId, StringComparer.Ordinal);
        var points = new List<BewertungsPunkt>
        {
            new(ResultArea, $"Durchschnitt Hard Facts (Schwelle: unter {threshold})", RatingFormat.Average(a.HardAverage), bad.Contains(BadValue.HardAverageKey)),
            new(ResultArea, $"Durchschnitt Soft Facts (Schwelle: unter {threshold})", RatingFormat.Average(a.SoftAverage), bad.Contains(BadValue.SoftAverageKey)),
        };
        foreach (var section in new[] { RatingSection.HardFacts, RatingSection.SoftFacts })
        {
            var area = $"{section.DisplayName()} (Durchschnitt {RatingFormat.Average(section == RatingSection.HardFacts ? a.HardAverage : a.SoftAverage)})";
            foreach (var q in t.In(section))
            {
                var value = answers.TryGetValue(q.Id, out var ans)
                    ? CardTexts.Ratings.ScaleChoice(ans.Value, t.Scale.Label(ans.Value)) + (ans.Comment is { } c ? $"\nAnmerkung: {c}" : "")
                    : "–";
                points.Add(new BewertungsPunkt(area, $"{t.NumberOf(q.Id)}. {q.Text}", value, bad.Contains(BadValue.QuestionKeyPrefix + q.Id)));
            }
        }
        var views = RatingCards.BadValues(t, evaluation, s.JustificationsOf(a.AssessorId));
        string? Joined(Func<RatingBadValueView, string?> text) => views.Count == 0 ? null
            : string.Join(" · ", views.Select(v => $"{v.ShortTitle}: {text(v)?.Trim()}"));
        return new BewertungsbogenInput(
            Massnahmenummer: r.MeasureNumber,
            MassnahmeTitel: r.MeasureTitle,
            Traeger: r.TraegerName,
            Bogen: $"{t.Title} (Version {t.Version})",
            Zeitraum: $"{r.Kind.DisplayName()}, Stand {submitted:dd.MM.yyyy}",
            Bewerter: a.AssessorName,
            Bewertungsdatum: submitted,
            Punkte: points,
            Auffaellig: a.Auffaellig,
            Begruendung: Joined(v => v.Begruendung),
            Empfehlung: Joined(v => v.Handlungsempfehlung),
            Anmerkungen: string.Join(" ", new[]
            {
                $"Vorgang {r.Id}, angefordert von {r.RequestedByName} am {r.SentOn:dd.MM.yyyy}, Frist {r.Deadline:dd.MM.yyyy}.",
                r.Note is { } note ? $"Anlass: {note}" : null,
            }.OfType<string>()));
    }

    /// <summary>
    /// Renders and queues the Bewertungsbogen. The file title names the assessor and the request, so two assessors of
    /// one measure never become versions of the same file.
    /// </summary>
    public static async Task<FilingReceipt> QueueAsync(BewertungsbogenRenderer renderer, FilingOutbox outbox, RatingSnapshot s,
        QuestionnaireTemplate t, AssignmentRow a, CancellationToken ct)
    {
        var rendered = renderer.Render(Input(s, t, a));
        rendered = rendered with { Target = rendered.Target with { Titel = $"Bewertungsbogen {a.AssessorName} {s.Request.Id}" } };
        return await outbox.EnqueueAsync(rendered.ToFilingDocument(), ct);
    }
}
