using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Deadlines;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// Computes the month-end utilisation (R-QA-5) of every measure <see cref="MonitoringScope"/> covers on the month's
/// report day, closed measures included (a measure archived since still ran then). Participations are read per
/// measure, ended ones too, so a report for a past month counts who was in the measure on that day. With them the Träger
/// reports overdue on the report day (R-TN-4, <see cref="DeadlineService.OverdueReportsAsync(DateOnly, CancellationToken)"/>).
/// </summary>
public sealed class MonthEndReport(MeasureRepository measures, Names names, DeadlineService deadlines)
{
    /// <param name="withOverdue">False for the utilisation views, which show no Träger reports (saves the deadline scan).</param>
    public async Task<MonthEndReportData> ComputeAsync(ReportMonth month, CancellationToken ct, bool withOverdue = true)
    {
        var day = month.ReportDay;
        var lookup = await names.LoadAsync(ct);
        var lines = new List<MonthEndLine>();
        foreach (var state in await measures.ListAsync(day, ct, includeClosed: true))
        {
            var m = state.Measure;
            if (!MonitoringScope.Covers(m, day)) continue;
            var participations = await measures.ParticipationsAsync(m.Number, ct);
            lines.Add(new MonthEndLine(m, MeasureUtilisation.Compute(m, participations, day),
                lookup.Traeger.GetValueOrDefault(m.TraegerId, m.TraegerId), lookup.Teams.GetValueOrDefault(m.TeamId, m.TeamId)));
        }
        return new MonthEndReportData(month, day, lines.OrderBy(l => l.Measure.Number, StringComparer.Ordinal).ToList(),
            withOverdue ? await deadlines.OverdueReportsAsync(day, ct) : null);
    }
}
