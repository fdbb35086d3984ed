using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>An execution retention would delete (or did), with the chain it goes with: the id of the chain's original.</summary>
public sealed record ExpiredExecution
{
    public Guid Id { get; init; }
    public Guid ChainId { get; init; }
    public TemplateKind TemplateKind { get; init; }
    public int TemplateId { get; init; }
    public string TemplateName { get; init; } = "";
    public ExecutionStatus Status { get; init; }
    public short RelaunchCount { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
}
