namespace Fabrik.Executions.Contracts;

/// <summary>One row of an execution's per-host results.</summary>
public sealed record HostResult
{
    /// <summary>The host's name as the inventory has it.</summary>
    public required string Host { get; init; }

    /// <summary>The host's overall outcome.</summary>
    public required HostOutcome Status { get; init; }

    /// <summary>Tasks that were ok.</summary>
    public required int Ok { get; init; }

    /// <summary>Tasks that changed something.</summary>
    public required int Changed { get; init; }

    /// <summary>Tasks that failed.</summary>
    public required int Failed { get; init; }

    /// <summary>Times the host was unreachable.</summary>
    public required int Unreachable { get; init; }

    /// <summary>Tasks skipped.</summary>
    public required int Skipped { get; init; }
}
