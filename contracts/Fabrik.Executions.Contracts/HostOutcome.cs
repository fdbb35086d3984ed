using System.Text.Json.Serialization;

namespace Fabrik.Executions.Contracts;

/// <summary>How one host fared in a job.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<HostOutcome>))]
public enum HostOutcome
{
    /// <summary>Every task ran and nothing changed.</summary>
    Ok,
    /// <summary>Every task ran and at least one changed something.</summary>
    Changed,
    /// <summary>At least one task failed on the host.</summary>
    Failed,
    /// <summary>The host could not be reached.</summary>
    Unreachable,
    /// <summary>Every task was skipped on the host.</summary>
    Skipped,
}
