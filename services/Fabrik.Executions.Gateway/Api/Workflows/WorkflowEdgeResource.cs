namespace Fabrik.Executions.Gateway.Api.Workflows;

/// <summary>An edge of a workflow: after <see cref="From"/> ends, <see cref="To"/> runs on <c>success</c>, <c>failure</c> or <c>always</c>.</summary>
public sealed record WorkflowEdgeResource(long From, long To, string Type);
