namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>What one host reports for one task.</summary>
internal enum HostResult
{
    Ok,
    Changed,
    Skipped,
    Failed,
    Unreachable,
}
