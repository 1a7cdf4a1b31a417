using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Digest;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>Teams rejects bot messages over about 28 KB: the digest is split by measured size, or condensed, never cut.</summary>
public sealed class DigestBuilderTests
{
    /// <summary>What Teams receives: the queued activity plus what the Bot Connector puts around it on the way.</summary>
    public static int WireBytes(AdaptiveCard card)
    {
        var activity = DigestMessages.ToActivity(card);
        activity.Id = "1732185600000";
        activity.Timestamp = DateTimeOffset.UtcNow;
        activity.ServiceUrl = "https://smba.trafficmanager.net/emea/c4a6b1f2-2b9a-4a43-9b1e-7c2b5c8a1f00/";
        activity.ChannelId = "msteams";
        activity.From = new ChannelAccount { Id = "28:00000000-0000-0000-0000-00000000b07d", Name = "TeamsAmdl" };
        activity.Recipient = new ChannelAccount { Id = "29:1Xq3mJ0rW8v5H2kLp9sT4uYb6nC7dE1fG3hI5jK7lM9nO1pQ3rS5tU7vW9xY1zA3bC5dE7fG9hI1jK3lM5nO7pQ9rS", Name = "Katrin Fischer",
            AadObjectId = "6a1c7f35-42b8-4a63-9d2e-5f7c0b1a9e84" };
        activity.Conversation = new ConversationAccount { Id = "a:1Pq8vZ3xW5sK9mJ2hL4nB6cD8fG0jH2kM4pR6tV8xZ0bD2fH4jL6nP8rT0vX2zB4dF6hJ8lN0pR2tV4xZ6bD8fH0jL2nP4rT6vX8z" };
        return ActivitySerializer.SerializeToUtf8Bytes(activity).Length;
    }

    private static DigestBuilder Builder(Action<DigestOptions>? configure = null)
    {
        var o = new DigestOptions();
        configure?.Invoke(o);
        return new DigestBuilder(Options.Create(o));
    }

    private static IReadOnlyList<string> Numbers(IEnumerable<AdaptiveCard> cards) =>
        cards.SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c.ToJson(), "962-X-2026-\\d{4}").Select(m => m.Value)).ToList();

    [Fact]
    public void Digest_for_300_measures_every_message_under_28_KB_and_all_300_appear()
    {
        var snapshot = DigestSamples.Snapshot(300);
        var parts = Builder().Build(snapshot);
        Console.WriteLine($"300 measures: {parts.FullParts} full parts, sizes {string.Join(", ", parts.Bytes)}; avg row {parts.Bytes.Sum() / 300} bytes");

        Assert.False(parts.Condensed);
        Assert.True(parts.Cards.Count > 1, "300 measures do not fit one message");
        foreach (var card in parts.Cards)
        {
            var bytes = WireBytes(card);
            Assert.True(bytes < 28 * 1024, $"message of {bytes} bytes");
            Assert.True(bytes < 28_000, $"message of {bytes} bytes");
        }
        Assert.All(parts.Bytes, b => Assert.True(b <= new DigestOptions().MaxMessageBytes));
        var numbers = Numbers(parts.Cards);
        Assert.Equal(300, numbers.Count);                          // every measure exactly once …
        Assert.Equal(300, numbers.Distinct().Count());
        Assert.Equal(snapshot.Entries.Select(e => e.Number).Order(), numbers.Order()); // … and nothing else

        // Parts say where they are and continuing groups repeat their heading.
        for (var i = 0; i < parts.Cards.Count; i++)
            Assert.Contains($"Teil {i + 1} von {parts.Cards.Count}", parts.Cards[i].ToJson());
        Assert.Contains(parts.Cards.Skip(1), c => c.ToJson().Contains("(Fortsetzung)"));
        Assert.Contains("300 Maßnahmen", parts.Cards[0].ToJson());
        Assert.DoesNotContain(parts.Cards.Skip(1), c => c.ToJson().Contains("300 Maßnahmen"));
    }

    [Fact]
    public void Parts_are_full_not_a_message_per_group()
    {
        var parts = Builder().Build(DigestSamples.Snapshot(300));
        var limit = new DigestOptions().MaxMessageBytes;
        // All but the last part are filled to within one row (~1 KB) of the limit.
        Assert.All(parts.Bytes.SkipLast(1), b => Assert.True(b > limit - 1500, $"part of only {b} bytes"));
    }

    [Fact]
    public void Too_many_messages_become_the_condensed_digest_that_counts_what_it_leaves_out()
    {
        var snapshot = DigestSamples.Snapshot(300);
        var parts = Builder(o => o.MaxParts = 2).Build(snapshot);
        Assert.True(parts.Condensed);
        Assert.True(parts.FullParts > 2);
        Assert.True(parts.HiddenCount > 0);
        var shown = Numbers(parts.Cards).Count;
        Assert.Equal(300, shown + parts.HiddenCount);
        var json = string.Concat(parts.Cards.Select(c => c.ToJson()));
        Assert.Contains("Gekürzte Fassung", json);
        Assert.Contains("ohne freie Plätze, ohne baldigen Einstieg und ohne Bemerkung", json);
        Assert.All(parts.Cards, c => Assert.True(WireBytes(c) < 28_000));
        // Every measure with free places is still listed by number.
        var listed = Numbers(parts.Cards).ToHashSet();
        Assert.All(snapshot.Entries.Where(e => e.FreePlaces > 0), e => Assert.Contains(e.Number, listed));
    }

    [Fact]
    public void Small_digest_is_one_message_with_highlights_and_the_tab_link()
    {
        var snapshot = DigestSamples.Snapshot(12);
        var parts = Builder().Build(snapshot);
        var card = Assert.Single(parts.Cards);
        var json = JsonNode.Parse(card.ToJson())!;
        Assert.DoesNotContain("Teil 1 von", card.ToJson());
        var action = json["actions"]!.AsArray().Single()!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.StartsWith("https://teams.microsoft.com/l/entity/", (string?)action["url"]);
        // A row with free places has its "Frei" cell highlighted (style good).
        Assert.Contains("\"style\":\"good\"", card.ToJson());
        Assert.Equal(12, Numbers(parts.Cards).Count);
    }

    [Fact]
    public void Empty_week_is_one_message_saying_so()
    {
        var parts = Builder().Build(DigestSamples.Snapshot(0));
        Assert.Contains("In dieser Woche läuft keine Maßnahme.", Assert.Single(parts.Cards).ToJson());
    }
}
