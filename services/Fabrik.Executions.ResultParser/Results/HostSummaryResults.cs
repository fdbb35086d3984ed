using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>Per-host results from AWX's <c>job_host_summaries</c>, where "dark" means unreachable and "failures" failed tasks.</summary>
public static class HostSummaryResults
{
    /// <exception cref="InvalidDataException">An entry has no host name, a negative count or a duplicate host.</exception>
    public static IReadOnlyList<HostResult> Map(IReadOnlyList<AwxHostSummary> summaries)
    {
        var results = new List<HostResult>(summaries.Count);
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var summary in summaries)
        {
            if (string.IsNullOrWhiteSpace(summary.HostName))
            {
                throw new InvalidDataException("a job_host_summaries entry has no host_name.");
            }

            if (!hosts.Add(summary.HostName))
            {
                throw new InvalidDataException($"job_host_summaries lists host '{summary.HostName}' more than once.");
            }

            if (Math.Min(Math.Min(summary.Ok, summary.Changed), Math.Min(Math.Min(summary.Failures, summary.Dark), summary.Skipped)) < 0)
            {
                throw new InvalidDataException($"job_host_summaries gives host '{summary.HostName}' a negative count.");
            }

            results.Add(HostOutcomes.ToResult(summary.HostName, summary.Ok, summary.Changed, summary.Failures, summary.Dark, summary.Skipped));
        }

        return results;
    }
}
