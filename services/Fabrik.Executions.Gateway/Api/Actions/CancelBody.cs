namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>The body of <c>POST /api/v1/executions/{id}/cancel</c>, if any: an empty object, as browsers send.</summary>
public sealed record CancelBody
{
    public static readonly IReadOnlyList<BodyField> Fields = [];
}
