namespace Fabrik.Executions.Awx;

/// <summary>AWX's <c>playbook_counts</c> of a job: plays and tasks started so far.</summary>
public sealed record AwxPlaybookCounts
{
    public int PlayCount { get; init; }
    public int TaskCount { get; init; }
}
