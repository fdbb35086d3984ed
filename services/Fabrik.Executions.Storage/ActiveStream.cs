using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>An execution whose AWX job is launched and not yet finished.</summary>
public sealed record ActiveStream
{
    public Guid ExecutionId { get; init; }
    public long AwxJobId { get; init; }
    public TemplateKind Kind { get; init; }
}
