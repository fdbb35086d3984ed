namespace Fabrik.Executions.Launcher.Launching;

/// <summary>
/// What the ephemeral clone of a workflow template holds: every node, or for a retry from a node only the nodes
/// (by AWX identifier) from it on.
/// </summary>
/// <param name="KeptIdentifiers">The identifiers of the nodes to keep; null keeps every node.</param>
public sealed record WorkflowClonePlan(IReadOnlySet<string>? KeptIdentifiers)
{
    public static readonly WorkflowClonePlan Whole = new((IReadOnlySet<string>?)null);

    public bool Keeps(string? identifier) => KeptIdentifiers is null || (identifier is not null && KeptIdentifiers.Contains(identifier));
}
