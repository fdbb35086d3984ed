using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>
/// A workflow's per-host results: each playbook node job's (nested workflows' included) read as a job's are, from its
/// best source, then added up host by host. A host that failed in one node and recovered in the next counts as
/// failed: the workflow touched it and a task failed there.
/// </summary>
public sealed class WorkflowHostResults(WorkflowRepository workflows, AwxJobReader jobs, HostResultsReader hostResults)
{
    /// <summary>The job type AWX gives a playbook run; the only nodes with per-host results.</summary>
    private const string PlaybookJobType = "job";

    public async Task<ParsedHostResults> ReadAsync(Guid executionId, CancellationToken cancellationToken)
    {
        var perJob = new List<IReadOnlyList<HostResult>>();
        foreach (var node in await workflows.ListNodesAsync(executionId, cancellationToken))
        {
            if (node is { JobId: { } jobId, JobType: PlaybookJobType })
            {
                var job = await jobs.ReadJobAsync(jobId, cancellationToken);
                perJob.Add((await hostResults.ReadAsync(executionId, jobId, job, cancellationToken)).Hosts);
            }
        }

        var hosts = AddUp(perJob);
        return new ParsedHostResults(hosts.Count == 0 ? HostResultsSource.None : HostResultsSource.WorkflowNodes, hosts);
    }

    public static IReadOnlyList<HostResult> AddUp(IEnumerable<IReadOnlyList<HostResult>> perJob) =>
        perJob.SelectMany(hosts => hosts)
            .GroupBy(host => host.Host, StringComparer.Ordinal)
            .Select(runs => HostOutcomes.ToResult(
                runs.Key,
                runs.Sum(run => run.Ok),
                runs.Sum(run => run.Changed),
                runs.Sum(run => run.Failed),
                runs.Sum(run => run.Unreachable),
                runs.Sum(run => run.Skipped)))
            .OrderBy(host => host.Host, StringComparer.Ordinal)
            .ToList();
}
