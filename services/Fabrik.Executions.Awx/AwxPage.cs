namespace Fabrik.Executions.Awx;

/// <summary>One page of an AWX list: <c>next</c> and <c>previous</c> are paths relative to the AWX host.</summary>
public sealed record AwxPage<T>
{
    public int Count { get; init; }
    public string? Next { get; init; }
    public string? Previous { get; init; }
    public IReadOnlyList<T> Results { get; init; } = [];
}
