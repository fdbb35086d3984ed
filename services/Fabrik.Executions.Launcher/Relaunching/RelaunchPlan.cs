using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>The limit a relaunch runs with, or why it may not run at all.</summary>
public sealed record RelaunchPlan(string? Limit, RejectionReason? Reason = null, string? Problem = null)
{
    public static RelaunchPlan Refused(RejectionReason reason, string problem) => new(null, reason, problem);
}
