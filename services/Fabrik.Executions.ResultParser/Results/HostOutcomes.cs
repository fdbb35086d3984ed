using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>How a host's task counts add up to one outcome, worst first.</summary>
public static class HostOutcomes
{
    public static HostOutcome Classify(int ok, int changed, int failed, int unreachable, int skipped) =>
        unreachable > 0 ? HostOutcome.Unreachable
        : failed > 0 ? HostOutcome.Failed
        : changed > 0 ? HostOutcome.Changed
        : skipped > 0 && ok == 0 ? HostOutcome.Skipped
        : HostOutcome.Ok;

    public static HostResult ToResult(string host, int ok, int changed, int failed, int unreachable, int skipped) => new()
    {
        Host = host,
        Status = Classify(ok, changed, failed, unreachable, skipped),
        Ok = ok,
        Changed = changed,
        Failed = failed,
        Unreachable = unreachable,
        Skipped = skipped,
    };

    /// <summary>AWX calls the job successful, yet some host failed or was unreachable.</summary>
    public static bool IsPartialSuccess(ExecutionStatus status, IEnumerable<HostResult> hosts) =>
        status == ExecutionStatus.Successful && hosts.Any(host => host.Status is HostOutcome.Failed or HostOutcome.Unreachable);
}
