namespace Fabrik.Executions.Gateway.Api;

/// <summary>A single item, as the API answers every single item: <c>{ "data": {...} }</c>.</summary>
public sealed record ItemResponse<T>(T Data);
