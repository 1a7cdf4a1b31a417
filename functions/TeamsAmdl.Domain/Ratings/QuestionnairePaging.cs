namespace TeamsAmdl.Domain.Ratings;

/// <summary>One card page of a questionnaire: questions of one section, at most <see cref="QuestionnairePaging.MaxPerPage"/>.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Part">1-based part of the section when the section needs several pages.</param>
public sealed record QuestionPage(int Number, RatingSection Section, int Part, int Parts, IReadOnlyList<RatingQuestion> Questions);

/// <summary>
/// Splits a questionnaire into card pages (R-RATE-3) so every card stays readable: Hard Facts first, then Soft Facts,
/// never mixed on one page, each section in as few pages as possible with the questions spread evenly
/// (9 questions → 5 + 4, not 8 + 1). After the last question page comes the summary page (number <c>Count + 1</c>).
/// </summary>
public static class QuestionnairePaging
{
    public const int MaxPerPage = 8;

    public static IReadOnlyList<QuestionPage> Pages(QuestionnaireTemplate template, int maxPerPage = MaxPerPage)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerPage, 1);
        var pages = new List<QuestionPage>();
        foreach (var section in new[] { RatingSection.HardFacts, RatingSection.SoftFacts })
        {
            var questions = template.In(section).ToList();
            if (questions.Count == 0) continue;
            var parts = (questions.Count + maxPerPage - 1) / maxPerPage;
            var taken = 0;
            for (var part = 1; part <= parts; part++)
            {
                // Even spread: the remaining questions over the remaining parts, rounded up.
                var size = (questions.Count - taken + (parts - part)) / (parts - part + 1);
                pages.Add(new QuestionPage(pages.Count + 1, section, part, parts, questions.GetRange(taken, size)));
                taken += size;
            }
        }
        return pages;
    }
}
