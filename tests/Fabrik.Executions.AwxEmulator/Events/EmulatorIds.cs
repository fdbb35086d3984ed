namespace Fabrik.Executions.AwxEmulator.Events;

internal sealed class EmulatorIds
{
    /// <summary>Jobs, workflow jobs and approvals: AWX's unified jobs share one id space.</summary>
    public IdSequence Jobs { get; } = new();

    public IdSequence Events { get; } = new();

    public IdSequence HostSummaries { get; } = new();

    /// <summary>Workflow job templates and approval templates made through the API; the built-in ones are below 100.</summary>
    public IdSequence UnifiedJobTemplates { get; } = new(99);

    public IdSequence WorkflowTemplateNodes { get; } = new();

    public IdSequence WorkflowJobNodes { get; } = new();
}
