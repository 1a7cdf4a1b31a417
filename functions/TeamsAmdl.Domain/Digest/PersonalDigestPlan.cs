namespace TeamsAmdl.Domain.Digest;

/// <summary>
/// Issue 14, a digest that fits a phone: what one person's Maßnahmeinfo shows, in this order. First the measures of
/// their audience with free places (<see cref="MineFree"/>), then their full measures collapsed into one line
/// (<see cref="MineFull"/>), then the other measures with free places (<see cref="OtherFree"/>); the other full
/// measures are only counted (<see cref="OtherFull"/>). The complete table stays in the tab and the PDF.
/// Rows in digest order (<see cref="DigestRules.Ordered"/>).
/// </summary>
public sealed record PersonalDigestPlan(
    IReadOnlyList<DigestEntry> MineFree,
    IReadOnlyList<DigestEntry> MineFull,
    IReadOnlyList<DigestEntry> OtherFree,
    int OtherFull)
{
    public static PersonalDigestPlan For(IEnumerable<DigestEntry> entries, DigestAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var ordered = DigestRules.Ordered(entries).Select(x => x.Entry).ToList();
        var mine = ordered.Where(audience.Matches).ToList();
        var other = ordered.Where(e => !audience.Matches(e)).ToList();
        return new PersonalDigestPlan(
            mine.Where(HasFreePlaces).ToList(),
            mine.Where(e => !HasFreePlaces(e)).ToList(),
            other.Where(HasFreePlaces).ToList(),
            other.Count(e => !HasFreePlaces(e)));
    }

    /// <summary>Rows shown one by one, in priority order (the audience's first): a cut keeps a prefix and counts the rest.</summary>
    public IReadOnlyList<DigestEntry> Rows => [.. MineFree, .. OtherFree];

    private static bool HasFreePlaces(DigestEntry e) => e.FreePlaces > 0 && e.IntakeOpen;
}
