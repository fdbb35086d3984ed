namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's list envelope; <c>next</c> and <c>previous</c> are paths relative to the server.</summary>
internal sealed record AwxPage<T>(int Count, string? Next, string? Previous, IReadOnlyList<T> Results);
