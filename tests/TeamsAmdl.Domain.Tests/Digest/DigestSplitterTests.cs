using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Domain.Tests.Digest;

public class DigestSplitterTests
{
    // A part = 100 bytes of frame + the item sizes.
    private static Func<int, int, int> Sizes(int[] items, int frame = 100) => (start, count) => frame + items.Skip(start).Take(count).Sum();

    [Fact]
    public void Everything_in_one_part_when_it_fits()
    {
        var items = Enumerable.Repeat(10, 50).ToArray();
        Assert.Equal([(0, 50)], DigestSplitter.Split(50, Sizes(items), 600));
    }

    [Fact]
    public void Parts_are_as_full_as_the_limit_allows_cover_every_item_once_and_stay_under_it()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 300).Select(_ => random.Next(200, 600)).ToArray();
        var size = Sizes(items);
        const int max = 28_000;
        var parts = DigestSplitter.Split(items.Length, size, max);
        Assert.Equal(0, parts[0].Start);
        for (var i = 0; i < parts.Count; i++)
        {
            Assert.True(size(parts[i].Start, parts[i].Count) <= max);
            if (i + 1 < parts.Count)
            {
                Assert.Equal(parts[i].Start + parts[i].Count, parts[i + 1].Start);
                Assert.True(size(parts[i].Start, parts[i].Count + 1) > max, "a part could have taken one more item");
            }
        }
        Assert.Equal(items.Length, parts.Sum(p => p.Count));
        Assert.Equal(Math.Ceiling(items.Sum() / (double)(max - 100)), parts.Count, 0.0 + 1); // at most one more than the ideal
    }

    [Fact]
    public void A_single_item_too_large_is_an_error_not_a_silent_cut()
    {
        var e = Assert.Throws<DigestTooLargeException>(() => DigestSplitter.Split(3, Sizes([10, 5000, 10]), 1000));
        Assert.Equal(1, e.Index);
        Assert.Contains("Zeile 2", e.Message);
    }

    [Fact]
    public void No_items_is_one_empty_part()
    {
        Assert.Equal([(0, 0)], DigestSplitter.Split(0, Sizes([]), 1000));
    }

    [Fact]
    public void Measures_each_candidate_only_a_logarithmic_number_of_times()
    {
        var calls = 0;
        var items = Enumerable.Repeat(100, 1000).ToArray();
        var parts = DigestSplitter.Split(items.Length, (s, c) => { calls++; return 100 + c * 100; }, 10_100);
        Assert.Equal(10, parts.Count);
        Assert.All(parts, p => Assert.Equal(100, p.Count));
        Assert.True(calls < 200, $"{calls} size calls");
    }
}
