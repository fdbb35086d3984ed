using System.Text.Json.Serialization;
using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's JobDetailSerializer: everything, plus host_status_counts (null until the stats are in) and playbook_counts.</summary>
internal sealed class JobDetailResource : JobResource
{
    public JobDetailResource(JobView view)
        : base(view)
    {
        HostStatusCounts = view.Job.Events.StatsVisibleAt(view.Now)?.HostStatusCounts;
        var visible = view.Job.Events.VisibleAt(view.Now).Events;
        PlaybookCounts = new PlaybookCounts(
            visible.Count(jobEvent => jobEvent.Event == AnsibleEventTypes.PlaybookOnPlayStart),
            visible.Count(jobEvent => jobEvent.Event == AnsibleEventTypes.PlaybookOnTaskStart));
    }

    [JsonPropertyOrder(2)]
    public IReadOnlyDictionary<string, int>? HostStatusCounts { get; }

    [JsonPropertyOrder(2)]
    public PlaybookCounts PlaybookCounts { get; }

    [JsonPropertyOrder(2)]
    public string? CustomVirtualenv => null;
}
