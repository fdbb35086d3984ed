using System.Text.Json.Serialization;

namespace Fabrik.Executions.Contracts;

/// <summary>Which hosts a relaunch runs against.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RelaunchHosts>))]
public enum RelaunchHosts
{
    /// <summary>Every host the original ran against.</summary>
    All,
    /// <summary>Only the hosts that failed or were unreachable in the original's per-host results.</summary>
    Failed,
}
