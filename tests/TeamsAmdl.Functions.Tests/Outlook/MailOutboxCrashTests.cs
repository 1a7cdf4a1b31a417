using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Outlook;
using TeamsAmdl.Functions.Tests.Staffing;
using TeamsAmdl.Functions.Tests.Ratings;

namespace TeamsAmdl.Functions.Tests.Outlook;

/// <summary>
/// The mail outbox's never-twice guarantee (issue 17) against the fake Graph over real HTTP: the worker "dies" (its
/// transport throws, the row keeps Sending) right after Graph accepted the sendMail, or right before; after the lease
/// the next worker asks the mailbox for the mail's marker and sends only when it is not there. A mailbox that cannot
/// be asked sends nothing; Retry-After of a throttled send is honoured.
/// </summary>
public sealed class MailOutboxCrashTests(OutlookAppFactory app) : IClassFixture<OutlookAppFactory>
{
    [Fact]
    public async Task Crash_between_Graph_accepted_and_recorded_sends_no_second_mail()
    {
        var (key, marker) = await EnqueueAsync("accepted");
        try
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => Crashing(afterGraphAccepted: true).HandleAsync(key, CancellationToken.None));
            Assert.Equal(MailStatus.Sending, (await Outbox.GetAsync(key))!.Status);
            Assert.Equal(1, Mails(marker));

            // The lease is still running: the next worker keeps its hands off.
            var early = await Worker.HandleAsync(key, CancellationToken.None);
            Assert.False(early.Done);
            Assert.InRange(early.Delay, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));

            // In doubt, and the mailbox cannot be asked: nothing is sent, it comes back later.
            app.Time.Advance(TimeSpan.FromMinutes(6));
            app.Graph.FailLookups = true;
            Assert.False((await Worker.HandleAsync(key, CancellationToken.None)).Done);
            Assert.Equal((MailStatus.Sending, "LookupFailed"), ((await Outbox.GetAsync(key))!.Status, (await Outbox.GetAsync(key))!.LastError));
            Assert.Equal(1, Mails(marker));

            // The mailbox answers: the mail is there, so it counts as sent and goes out no second time.
            app.Graph.FailLookups = false;
            Assert.True((await Worker.HandleAsync(key, CancellationToken.None)).Done);
            var entry = (await Outbox.GetAsync(key))!;
            Assert.Equal((MailStatus.Sent, true), (entry.Status, entry.FoundInMailbox));
            Assert.True((await Worker.HandleAsync(key, CancellationToken.None)).Done);
            Assert.Equal(1, Mails(marker));
        }
        finally
        {
            app.Graph.FailLookups = false;
            app.Time.Set(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Crash_before_Graph_accepted_sends_the_mail_exactly_once()
    {
        var (key, marker) = await EnqueueAsync("before");
        try
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => Crashing(afterGraphAccepted: false).HandleAsync(key, CancellationToken.None));
            Assert.Equal(0, Mails(marker));
            app.Time.Advance(TimeSpan.FromMinutes(6));
            Assert.True((await Worker.HandleAsync(key, CancellationToken.None)).Done);
            var entry = (await Outbox.GetAsync(key))!;
            Assert.Equal((MailStatus.Sent, false, 2), (entry.Status, entry.FoundInMailbox, entry.Attempts));
            Assert.Equal(1, Mails(marker));
        }
        finally
        {
            app.Time.Set(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Throttled_send_waits_for_Retry_After()
    {
        var (key, marker) = await EnqueueAsync("throttled");
        try
        {
            app.Graph.ThrottleOnce(120);
            var first = await Worker.HandleAsync(key, CancellationToken.None);
            Assert.Equal((false, TimeSpan.FromSeconds(120)), (first.Done, first.Delay));
            Assert.Equal(MailStatus.Pending, (await Outbox.GetAsync(key))!.Status);

            // Too early: no request to Graph at all.
            var posts = app.Graph.Requests.Count(r => r.Method == "POST");
            app.Time.Advance(TimeSpan.FromSeconds(60));
            Assert.False((await Worker.HandleAsync(key, CancellationToken.None)).Done);
            Assert.Equal(posts, app.Graph.Requests.Count(r => r.Method == "POST"));

            app.Time.Advance(TimeSpan.FromSeconds(61));
            Assert.True((await Worker.HandleAsync(key, CancellationToken.None)).Done);
            Assert.Equal(MailStatus.Sent, (await Outbox.GetAsync(key))!.Status);
            Assert.Equal(1, Mails(marker));
        }
        finally
        {
            app.Time.Set(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Enqueueing_a_key_twice_queues_one_mail()
    {
        var key = "test:twice:" + Guid.NewGuid().ToString("N");
        Assert.True(await Outbox.EnqueueAsync(key, "betr.01@jobcenter-musterstadt.example", "Betreff", "<html><body>x</body></html>", CancellationToken.None));
        Assert.False(await Outbox.EnqueueAsync(key, "betr.01@jobcenter-musterstadt.example", "Betreff", "<html><body>x</body></html>", CancellationToken.None));
        Assert.Single(await Outbox.ListAsync(), e => e.MessageKey == key);
    }

    private MailOutbox Outbox => app.Service<MailOutbox>();
    private MailOutboxWorker Worker => app.Service<MailOutboxWorker>();

    private async Task<(string Key, string Marker)> EnqueueAsync(string what)
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        var key = $"test:{what}:{Guid.NewGuid():N}";
        Assert.True(await Outbox.EnqueueAsync(key, "betr.01@jobcenter-musterstadt.example", "Bitte um Trägerbewertung",
            $"<html><body><p>{key}</p></body></html>", CancellationToken.None));
        return (key, MailOutbox.Marker(key));
    }

    private int Mails(string marker) => app.Graph.Sent.Count(s => (string?)s["message"]?["singleValueExtendedProperties"]?[0]?["value"] == marker);

    /// <summary>A worker whose process "dies" around the sendMail: its transport throws before or after Graph got the request.</summary>
    private MailOutboxWorker Crashing(bool afterGraphAccepted)
    {
        var options = app.Service<IOptions<OutlookOptions>>();
        var graph = GraphMail.Create(options.Value, FakeEntraGraph.Credential, new DyingTransport(afterGraphAccepted));
        return new MailOutboxWorker(Outbox, new Lazy<GraphMail>(graph), options, app.Time, NullLogger<MailOutboxWorker>.Instance);
    }

    private sealed class DyingTransport(bool afterGraphAccepted) : HttpClientHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith("/sendMail", StringComparison.Ordinal) != true)
                return await base.SendAsync(request, cancellationToken);
            if (!afterGraphAccepted) throw new HttpRequestException("process killed before the request left");
            using var accepted = await base.SendAsync(request, cancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
            throw new HttpRequestException("process killed after Graph accepted the mail");
        }
    }
}
