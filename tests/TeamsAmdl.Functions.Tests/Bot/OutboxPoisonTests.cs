using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>
/// The queue trigger's failure path with the host's semantics (dev host): a delivery whose function throws on every
/// receive ends in outbox-poison after maxDequeueCount (5) receives, the operator API lists it, and a requeue
/// delivers it exactly once after the cause is gone.
/// </summary>
public sealed class OutboxPoisonTests(OutboxPoisonTests.BrokenConnectorApp app) : IClassFixture<OutboxPoisonTests.BrokenConnectorApp>
{
    /// <summary>Creating a chat throws an unexpected exception (not a connector error) while <see cref="Broken"/> is set.</summary>
    public sealed class BrokenConnector(DevConnector inner) : ConnectorClient
    {
        public volatile bool Broken = true;
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> CreateAttempts = new();

        public override Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters,
            CancellationToken cancellationToken = default)
        {
            CreateAttempts.AddOrUpdate(parameters.Members?.FirstOrDefault()?.AadObjectId ?? "", 1, (_, n) => n + 1);
            return Broken ? throw new InvalidOperationException("planted failure") : inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        }

        public override Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
            CancellationToken cancellationToken = default) => inner.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
    }

    public sealed class BrokenConnectorApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:00"); // retry at once, as a test may
            builder.ConfigureServices(s =>
            {
                s.AddSingleton(sp => new BrokenConnector(sp.GetRequiredService<DevConnector>()));
                s.Replace(ServiceDescriptor.Singleton<ConnectorClient>(sp => sp.GetRequiredService<BrokenConnector>()));
            });
        }
    }

    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_message_that_throws_five_times_is_poisoned_listed_and_delivered_once_after_requeue()
    {
        var coordinator = app.ClientAs("koord-weber");
        var staff = (await Service<StaffRepository>().GetAsync("ifk-laura-krueger"))!;
        var connector = Service<BrokenConnector>();
        const string key = "test:poison:1";
        await Service<Proactive>().SendCardAsync([(staff, key)], _ => ErrorCard.Build(new ErrorCardData("Giftig")), CancellationToken.None);

        // The host received it 5 times (each run threw before sending), then moved it to outbox-poison.
        // (The demo seed's own cards to people without a chat meet the same broken connector and are poisoned too.)
        async Task<JsonNode?> Listed() => (await coordinator.GetFromJsonAsync<JsonArray>("/api/outbox/poison"))!
            .SingleOrDefault(m => (string?)m!["messageKey"] == key);
        JsonNode? listed = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (listed is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            listed = await Listed();
        }
        Assert.NotNull(listed);
        Assert.Equal("Pending", (string?)listed["status"]);
        Assert.Equal(5, connector.CreateAttempts[staff.AadObjectId!]);
        Assert.Empty(await Service<DevInboxStore>().ListAsync(staff.AadObjectId!, 50, CancellationToken.None));

        // Only operators may see and requeue it; an unknown key is a German 404.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("ifk-laura-krueger").GetAsync("/api/outbox/poison")).StatusCode);
        var unknown = await coordinator.PostAsJsonAsync("/api/outbox/poison/requeue", new { messageKey = "gibt-es-nicht" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("keine aufgegebene", await unknown.Content.ReadAsStringAsync());

        connector.Broken = false;
        var requeued = await coordinator.PostAsJsonAsync("/api/outbox/poison/requeue", new { messageKey = key });
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Service<Proactive>().Outbox.GetAsync(key))?.Status != OutboxStatus.Sent && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(OutboxStatus.Sent, (await Service<Proactive>().Outbox.GetAsync(key))!.Status);
        var delivered = Assert.Single(await Service<DevInboxStore>().ListAsync(staff.AadObjectId!, 50, CancellationToken.None));
        Assert.Contains("Giftig", delivered.ReadActivity().ToJsonString());
        Assert.Null(await Listed());
        // A second requeue finds nothing: the message went back once.
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsJsonAsync("/api/outbox/poison/requeue", new { messageKey = key })).StatusCode);
    }
}
