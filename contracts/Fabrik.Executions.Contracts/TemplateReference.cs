namespace Fabrik.Executions.Contracts;

/// <summary>The AWX template an execution launches, as the portal named it when the request was submitted.</summary>
public sealed record TemplateReference
{
    /// <summary>Job template or workflow job template.</summary>
    public required TemplateKind Kind { get; init; }

    /// <summary>AWX's numeric id of the template.</summary>
    public required int Id { get; init; }

    /// <summary>The template's display name.</summary>
    public required string Name { get; init; }
}
