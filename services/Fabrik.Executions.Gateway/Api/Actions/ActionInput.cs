namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>An operator action's request read: the execution its URL names and its body, or the problem to answer instead.</summary>
public sealed record ActionInput<TBody>(Guid ExecutionId, TBody? Body, IResult? Problem) where TBody : class;
