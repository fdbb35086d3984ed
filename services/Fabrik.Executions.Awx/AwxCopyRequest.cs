namespace Fabrik.Executions.Awx;

/// <summary>The body of AWX's <c>copy/</c> endpoints: the name of the copy.</summary>
public sealed record AwxCopyRequest
{
    public required string Name { get; init; }
}
