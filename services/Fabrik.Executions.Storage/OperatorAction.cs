namespace Fabrik.Executions.Storage;

/// <summary>An operator action the Gateway accepted: what, on which executions, by whom, answered how.</summary>
public sealed record OperatorAction
{
    /// <summary><c>launch</c>, <c>cancel</c>, <c>relaunch</c>, <c>approve</c>, <c>deny</c>, ...</summary>
    public required string Action { get; init; }

    /// <summary>The executions it acted on: one for most actions, each one a bulk cancel reached. One audit row each.</summary>
    public required IReadOnlyList<Guid> ExecutionIds { get; init; }

    public required string Actor { get; init; }

    /// <summary><c>api_key</c>, <c>jwt</c> or <c>anonymous</c>.</summary>
    public required string ActorKind { get; init; }

    /// <summary><c>viewer</c> or <c>operator</c>; null for an anonymous caller.</summary>
    public string? ActorRole { get; init; }

    public required string HttpMethod { get; init; }

    public required string Path { get; init; }

    public required int StatusCode { get; init; }
}
