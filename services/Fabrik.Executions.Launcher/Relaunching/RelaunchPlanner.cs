using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>
/// Decides whether an execution may be relaunched and with which AWX limit: only once it has finished, only up to
/// the chain's cap, and for failed hosts only when its per-host results name some. A workflow execution relaunches
/// whole or from one of its nodes, never by hosts.
/// </summary>
public static class RelaunchPlanner
{
    /// <summary>How many relaunches a chain may hold after its original (seed 000).</summary>
    public const int MaxRelaunchCount = 3;

    private static readonly HashSet<HostOutcome> FailedOutcomes = [HostOutcome.Failed, HostOutcome.Unreachable];

    public static RelaunchPlan Plan(ExecutionRecord relaunched, RelaunchHosts hosts, long? fromNode, IReadOnlyList<HostResult>? hostResults)
    {
        var workflow = relaunched.TemplateKind == TemplateKind.Workflow;
        if (fromNode is not null && !workflow)
        {
            return RelaunchPlan.Refused(RejectionReason.Unprocessable,
                $"Execution {relaunched.Id} ran a job template; from_node retries a workflow execution from one of its nodes.");
        }

        if (workflow && hosts == RelaunchHosts.Failed)
        {
            return RelaunchPlan.Refused(RejectionReason.Unprocessable,
                $"Execution {relaunched.Id} ran a workflow template, whose hosts are its nodes' jobs': relaunch it whole (hosts all), "
                + "or retry it from a failed node with from_node.");
        }

        if (!relaunched.Status.IsTerminal())
        {
            return RelaunchPlan.Refused(RejectionReason.Conflict,
                $"Execution {relaunched.Id} is still {DatabaseText.From(relaunched.Status)}: relaunch it once it has finished, or cancel it first.");
        }

        if (relaunched.RelaunchCount >= MaxRelaunchCount)
        {
            return RelaunchPlan.Refused(RejectionReason.Conflict,
                $"Execution {relaunched.Id} is already relaunch {relaunched.RelaunchCount} of request {relaunched.RequestId}, and a relaunch "
                + $"chain is capped at {MaxRelaunchCount}: fix the underlying issue rather than relaunching.");
        }

        return workflow ? new RelaunchPlan(relaunched.LimitPattern) : hosts switch
        {
            RelaunchHosts.All => new RelaunchPlan(relaunched.LimitPattern),
            RelaunchHosts.Failed => PlanFailedHosts(relaunched, hostResults),
            _ => throw new ArgumentOutOfRangeException(nameof(hosts), hosts, "Not a choice of hosts."),
        };
    }

    private static RelaunchPlan PlanFailedHosts(ExecutionRecord relaunched, IReadOnlyList<HostResult>? hostResults)
    {
        if (hostResults is null)
        {
            return RelaunchPlan.Refused(RejectionReason.Conflict,
                $"The per-host results of execution {relaunched.Id} are not parsed yet, so its failed hosts are not known: "
                + "relaunch all hosts, or try again once its results are in.");
        }

        var failed = hostResults.Where(result => FailedOutcomes.Contains(result.Status)).Select(result => result.Host).Distinct().ToList();
        if (failed.Count == 0)
        {
            return RelaunchPlan.Refused(RejectionReason.Conflict,
                $"No host failed or was unreachable in execution {relaunched.Id}: relaunch all hosts instead.");
        }

        return failed.FirstOrDefault(host => !HostPattern.NamesExactly(host)) is { } unsafeHost
            ? RelaunchPlan.Refused(RejectionReason.Unprocessable,
                $"Failed host '{unsafeHost}' of execution {relaunched.Id} cannot be named exactly in an AWX limit "
                + $"({HostPattern.Rule}): relaunch all hosts instead.")
            : new RelaunchPlan(string.Join(',', failed));
    }
}
