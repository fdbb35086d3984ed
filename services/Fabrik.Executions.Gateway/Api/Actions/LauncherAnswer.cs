using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>What the Launcher answered to an operator command: accepted, rejected, or nothing (<see cref="None"/>).</summary>
public sealed record LauncherAnswer(ExecutionAccepted? Accepted, CommandRejected? Rejected)
{
    /// <summary>No answer within the timeout, or the Launcher failed on the command: it may or may not have acted.</summary>
    public static readonly LauncherAnswer None = new(null, null);
}
