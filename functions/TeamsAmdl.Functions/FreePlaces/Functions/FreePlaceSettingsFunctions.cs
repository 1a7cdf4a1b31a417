using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

/// <summary>The choices of the IFK settings in the tab (issue 14); the subscription itself: <see cref="FreePlaceSubscriptionFunctions"/>.</summary>
public sealed class FreePlaceSettingsFunctions(StaffRepository staff, MeasureRepository measures, IOptions<FreePlacesOptions> options, TimeProvider time)
{
    /// <summary>GET api/freeplaces/settings: teams, kinds, locations, measures (for muting) and the delivery hours; IFKs only.</summary>
    [Function("fp-settings")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/freeplaces/settings")] HttpRequest req, CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        if (!me.Has(StaffRole.Ifk)) return IfksOnly();
        var open = (await measures.ListAsync(BerlinCalendar.Today(time), cancellationToken)).Select(s => s.Measure).ToList();
        var teams = (await staff.ListTeamsAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.CurrentCulture)
            .Select(t => new FreePlaceSettingsView.Choice(t.Id, t.Name)).ToList();
        var kinds = Enum.GetValues<MeasureKind>().Select(k => new FreePlaceSettingsView.Choice(k.ToString(), k.German())).ToList();
        var locations = open.Select(m => m.Location).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture).ToList();
        var list = open.OrderBy(m => m.Title, StringComparer.CurrentCulture).Select(m => new FreePlaceSettingsView.Choice(m.Number, m.Title)).ToList();
        var o = options.Value;
        return Results.Json(new FreePlaceSettingsView(teams, kinds, locations, list, FreePlaceSettingsView.Hours(o.ToWorkingHours()), o.DeliverAtOnce));
    }
}
