namespace Fabrik.Executions.Gateway.Api;

/// <summary>The caller as the API answers it: <c>{ "name", "kind", "role" }</c>.</summary>
public sealed record CallerResource(string Name, string Kind, string? Role);
