namespace Fabrik.Executions.Gateway.Api;

/// <summary>A field of a request body and what it must hold, to name it when the JSON has the wrong type there.</summary>
/// <param name="Name">The field's path in snake_case (<c>template.id</c>).</param>
/// <param name="Expected">What it must be, completing "must be ..." (<c>a positive integer</c>).</param>
public sealed record BodyField(string Name, string Expected);
