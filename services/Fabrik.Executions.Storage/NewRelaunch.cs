using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>
/// A relaunch as the Launcher creates it. Everything else (request, template and its snapshot, extra vars,
/// inventory, credentials) is copied from the execution it relaunches.
/// </summary>
public sealed record NewRelaunch
{
    public required Guid Id { get; init; }
    public required Guid RelaunchOf { get; init; }
    public required RelaunchHosts Hosts { get; init; }

    /// <summary>The AWX limit: the relaunched execution's for all hosts, its failed hosts for failed ones.</summary>
    public string? LimitPattern { get; init; }

    public required string LaunchedBy { get; init; }

    /// <summary>Extra vars replacing the relaunched execution's (a retry from a workflow node adds earlier nodes' artifacts); null copies them.</summary>
    public string? ExtraVarsJson { get; init; }

    /// <summary>The workflow node of the relaunched execution a retry starts at.</summary>
    public long? FromNode { get; init; }
}
