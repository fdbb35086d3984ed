using System.Text.Json;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// The body of <c>POST /api/v1/executions</c>. Every member may be absent here so that a missing field is reported
/// by name by <see cref="LaunchRequestValidator"/> rather than failing deserialization.
/// </summary>
public sealed record LaunchRequestBody
{
    public static readonly IReadOnlyList<BodyField> Fields =
    [
        new("request_id", "a string"),
        new("template", "an object with kind, id and name"),
        new("template.kind", "a string, 'job' or 'workflow'"),
        new("template.id", "a positive integer"),
        new("template.name", "a string"),
        new("extra_vars", "a JSON object"),
        new("limit", "a string"),
        new("inventory", "a positive integer"),
        new("credentials", "an array of positive integers"),
        new("launched_by", "a string"),
    ];

    /// <summary>The portal request; the same request id twice launches once.</summary>
    public string? RequestId { get; init; }

    public TemplateBody? Template { get; init; }

    /// <summary>A JSON object; absent or null is an empty object.</summary>
    public JsonElement? ExtraVars { get; init; }

    public string? Limit { get; init; }

    public int? Inventory { get; init; }

    public IReadOnlyList<int>? Credentials { get; init; }

    /// <summary>Who launches, for an unauthenticated Gateway only: an authenticated caller is the one who launches.</summary>
    public string? LaunchedBy { get; init; }
}
