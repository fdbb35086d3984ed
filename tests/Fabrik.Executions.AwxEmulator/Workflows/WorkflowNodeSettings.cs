using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>What a workflow node launches and with what: the part a workflow job node copies from its template node.</summary>
internal sealed record WorkflowNodeSettings
{
    public required string Identifier { get; init; }

    /// <summary>Null when the template is gone: AWX then treats the node as failed.</summary>
    public int? UnifiedJobTemplateId { get; init; }

    /// <summary>Always a JSON object.</summary>
    public required JsonElement ExtraData { get; init; }

    public string? Limit { get; init; }

    public bool AllParentsMustConverge { get; init; }

    public IReadOnlyList<int> CredentialIds { get; init; } = [];
}
