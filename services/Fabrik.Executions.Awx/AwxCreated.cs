namespace Fabrik.Executions.Awx;

/// <summary>AWX's 201 answer to creating something (a copy): the new object's id.</summary>
public sealed record AwxCreated
{
    public int Id { get; init; }
}
