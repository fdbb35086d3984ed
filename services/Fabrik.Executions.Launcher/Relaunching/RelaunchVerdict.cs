namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>What validation made of a relaunch: accepted, or refused with the reason the operator is told.</summary>
public sealed record RelaunchVerdict
{
    public static readonly RelaunchVerdict Accepted = new();

    private RelaunchVerdict()
    {
    }

    /// <summary>Why the relaunch is refused; null when it is accepted.</summary>
    public string? RefusalReason { get; private init; }

    public static RelaunchVerdict Refused(string reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new ArgumentException("A refusal needs a reason the operator can act on.", nameof(reason))
            : new RelaunchVerdict { RefusalReason = reason };
}
