using System.Globalization;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Approvals;

/// <summary>Why an approval cannot be decided (again), in words an operator can act on.</summary>
public static class ApprovalDecisionDetails
{
    public static string AlreadyDecided(WorkflowApprovalRecord approval)
    {
        if (approval.DecidedBy is { } decidedBy)
        {
            var at = approval.DecidedAt is { } decidedAt ? $" at {decidedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC" : "";
            return $"Approval {approval.ApprovalId} ({approval.Name}) was already decided by {decidedBy}{at}; an approval is decided once.";
        }

        var how = approval switch
        {
            { TimedOut: true } => "timed out",
            { Status: "successful" } => "approved in AWX",
            { Status: "failed" } => "denied in AWX",
            _ => "canceled with its workflow",
        };
        return $"Approval {approval.ApprovalId} ({approval.Name}) was already {how}; an approval is decided once.";
    }
}
