namespace Fabrik.Executions.Awx;

/// <summary>The body that associates an existing object with a related list (<c>{"id": 4}</c>).</summary>
public sealed record AwxRelatedId
{
    public required long Id { get; init; }
}
