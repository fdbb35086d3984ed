namespace Fabrik.Executions.Gateway.Api;

/// <summary>A request body read as <typeparamref name="T"/>, or the problem to answer instead.</summary>
public sealed record BodyRead<T>(T? Value, IResult? Problem) where T : class;
