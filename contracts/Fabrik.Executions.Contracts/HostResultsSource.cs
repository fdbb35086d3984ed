using System.Text.Json.Serialization;

namespace Fabrik.Executions.Contracts;

/// <summary>Where the per-host results were read from, best first.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<HostResultsSource>))]
public enum HostResultsSource
{
    /// <summary>The playbook's structured artifacts (<c>set_stats</c> of <c>row_results</c>).</summary>
    Artifacts,
    /// <summary>AWX's <c>job_host_summaries</c>.</summary>
    JobHostSummaries,
    /// <summary>The stored <c>playbook_on_stats</c> event.</summary>
    PlaybookOnStats,
    /// <summary>A workflow's: its playbook node jobs' results, each from its best source, added up host by host.</summary>
    WorkflowNodes,
    /// <summary>No source had per-host results.</summary>
    None,
}
