using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>What a person chose (null: nothing yet), the default of their roles, and what is used now.</summary>
public sealed record ChannelChoice(NotificationChannel? Chosen, NotificationChannel Default, NotificationChannel Effective, bool OutlookAvailable);

/// <summary>
/// The per-person choice of channel for rating requests and reminders (table ChannelPreferences, one row per staff
/// member: PartitionKey = staff id, RowKey "channel"). Without a choice the role default applies
/// (<see cref="OutlookOptions.DefaultChannels"/>); while Outlook is off, or for someone without a mail address, it is Teams.
/// </summary>
public sealed class ChannelPreferences(Tables tables, IOptions<OutlookOptions> options, TimeProvider time)
{
    public const string TableName = "ChannelPreferences";
    private const string Row = "channel";

    private TableClient Table => tables.Get(TableName);

    public Task CreateIfNotExistsAsync(CancellationToken ct) => Table.CreateIfNotExistsAsync(ct);

    public async Task<ChannelChoice> GetAsync(Staff person, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(person.Id, Row, cancellationToken: ct);
        NotificationChannel? chosen = row.HasValue && Enum.TryParse<NotificationChannel>(row.Value!.GetString("Channel"), out var c) ? c : null;
        return Choice(person, chosen);
    }

    public async Task<ChannelChoice> SetAsync(Staff person, NotificationChannel channel, CancellationToken ct)
    {
        await Table.UpsertEntityAsync(new TableEntity(person.Id, Row)
        {
            ["Channel"] = channel.ToString(),
            ["UpdatedAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);
        return Choice(person, channel);
    }

    private ChannelChoice Choice(Staff person, NotificationChannel? chosen)
    {
        var o = options.Value;
        var fallback = o.DefaultFor(person);
        var available = o.Enabled && !string.IsNullOrWhiteSpace(person.Email);
        return new ChannelChoice(chosen, fallback, available ? chosen ?? fallback : NotificationChannel.Teams, available);
    }
}
