namespace Fabrik.Executions.Watchdog.Retention;

/// <summary>What the scheduled retention run does (<c>Retention__Mode</c>).</summary>
public enum RetentionMode
{
    Off,

    /// <summary>Lists in the log what <see cref="Delete"/> would delete, and deletes nothing.</summary>
    DryRun,

    Delete,
}
