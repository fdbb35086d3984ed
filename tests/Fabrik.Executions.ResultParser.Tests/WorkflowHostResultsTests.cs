using Fabrik.Executions.Contracts;
using Fabrik.Executions.ResultParser.Results;

namespace Fabrik.Executions.ResultParser.Tests;

public sealed class WorkflowHostResultsTests
{
    [Test]
    public void Node_jobs_are_added_up_host_by_host_and_the_worst_run_decides_the_outcome()
    {
        var deploy = new[] { Host("r1", ok: 3, failed: 1), Host("r2", ok: 4, changed: 2) };
        var rollback = new[] { Host("r1", ok: 2, changed: 1), Host("r3", skipped: 2) };
        var report = new[] { Host("r2", unreachable: 1), Host("r1", ok: 1) };

        var hosts = WorkflowHostResults.AddUp([deploy, rollback, report]);

        Assert.That(hosts, Is.EqualTo(new[]
        {
            HostOutcomes.ToResult("r1", ok: 6, changed: 1, failed: 1, unreachable: 0, skipped: 0),
            HostOutcomes.ToResult("r2", ok: 4, changed: 2, failed: 0, unreachable: 1, skipped: 0),
            HostOutcomes.ToResult("r3", ok: 0, changed: 0, failed: 0, unreachable: 0, skipped: 2),
        }));
        Assert.That(hosts.Select(host => host.Status), Is.EqualTo(new[] { HostOutcome.Failed, HostOutcome.Unreachable, HostOutcome.Skipped }),
            "r1 failed in deploy though rollback went well; r2 was unreachable in report");
    }

    [Test]
    public void A_workflow_whose_node_jobs_list_no_host_has_none()
    {
        Assert.That(WorkflowHostResults.AddUp([[], []]), Is.Empty);
    }

    private static HostResult Host(string name, int ok = 0, int changed = 0, int failed = 0, int unreachable = 0, int skipped = 0) =>
        HostOutcomes.ToResult(name, ok, changed, failed, unreachable, skipped);
}
