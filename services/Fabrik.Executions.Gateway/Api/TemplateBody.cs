namespace Fabrik.Executions.Gateway.Api;

/// <summary>The <c>template</c> of a launch request body.</summary>
public sealed record TemplateBody
{
    /// <summary><c>job</c> or <c>workflow</c>.</summary>
    public string? Kind { get; init; }

    public int? Id { get; init; }

    public string? Name { get; init; }
}
